import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Command } from 'commander';
import { chainEvents, readChainTip, expectedRevisionAt } from '@care-journey/audit';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { registerAuditCommand } from './audit.command';

/** Runs `care-journey audit …` in-process on the given store file; returns its output and exit code. */
async function audit(file: string, ...args: string[]) {
  const saved = process.env;
  process.env = {
    ...saved,
    CARE_JOURNEY_STORE: 'sqlite',
    CARE_JOURNEY_SQLITE_FILE: file,
    CARE_JOURNEY_AUDIT_KEY: 'k'.repeat(40),
    NODE_ENV: 'test',
  };
  const out: string[] = [];
  const err: string[] = [];
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation((t) => (out.push(String(t)), true));
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation((t) => (err.push(String(t)), true));
  process.exitCode = 0;
  try {
    const program = new Command('care-journey').exitOverride();
    registerAuditCommand(program);
    let thrown = '';
    try {
      await program.parseAsync(['node', 'care-journey', 'audit', ...args]);
    } catch (error) {
      thrown = error instanceof Error ? error.message : String(error);
    }
    return { out: out.join(''), err: err.join('') + thrown, code: thrown ? 1 : (process.exitCode ?? 0) };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
    process.exitCode = 0;
    process.env = saved;
  }
}

async function append(file: string, stream: string, count: number): Promise<void> {
  const store = new SqliteEventStore({ file, synchronous: 'NORMAL' });
  try {
    const tip = await readChainTip(store, stream);
    const events = Array.from({ length: count }, (_, i) => ({
      id: `${stream}-${tip.nextRevision + BigInt(i)}`,
      type: 'Noted',
      data: { i },
      metadata: { recordedAt: '2026-01-05T10:00:00.000Z', recordedBy: 'spec', schemaVersion: 1 },
    }));
    await store.appendToStream(stream, chainEvents(tip, events), {
      expectedRevision: expectedRevisionAt(tip),
    });
  } finally {
    await store.close();
  }
}

describe('care-journey audit anchor, and verify-store --anchor', () => {
  let dir: string;
  let file: string;
  let anchorFile: string;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cj-anchor-cli-'));
    file = join(dir, 'events.db');
    anchorFile = join(dir, 'anchor.json');
    await append(file, 'journey-c1', 3);
    await append(file, 'journey-c2', 4);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints a signed anchor without tips by default', async () => {
    const result = await audit(file, 'anchor', '--by', 'auditor.one');
    expect(result.code).toBe(0);
    const anchor = JSON.parse(result.out);
    expect(anchor).toMatchObject({
      format: 'care-journey/head-anchor',
      takenBy: 'auditor.one',
      position: '7',
      events: 7,
      streams: 2,
      signature: { alg: 'HMAC-SHA256', keyId: expect.stringMatching(/^sha256:/) },
    });
    expect(anchor.tips).toBeUndefined();
  });

  it('Given an anchor with tips, When more is appended, Then verify-store --anchor passes (exit 0)', async () => {
    expect(await audit(file, 'anchor', '--tips', '--out', anchorFile)).toMatchObject({ code: 0, out: '' });
    await append(file, 'journey-c1', 2);
    await append(file, 'journey-c3', 1);

    const result = await audit(file, 'verify-store', '--anchor', anchorFile);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toMatchObject({
      events: 10,
      brokenChains: [],
      anchor: { ok: true, anchor: { position: '7', tips: 2, signature: 'valid' }, problems: [] },
    });
  });

  it("Given an anchor, When a stream's last events are deleted from the file, Then verify-store passes the chains but fails the anchor, naming the stream (exit 1)", async () => {
    await audit(file, 'anchor', '--tips', '--out', anchorFile);
    const db = new Database(file);
    db.prepare("DELETE FROM events WHERE stream_id = 'journey-c2' AND revision = 3").run();
    db.close();

    expect((await audit(file, 'verify-store')).code).toBe(0);
    const result = await audit(file, 'verify-store', '--anchor', anchorFile);
    expect(result.code).toBe(1);
    const check = JSON.parse(result.out);
    expect(check.brokenChains).toEqual([]);
    expect(check.anchor.problems.map((p: { kind: string }) => p.kind)).toEqual([
      'log-truncated',
      'events-removed',
      'digest-differs',
      'stream-truncated',
    ]);
    expect(check.anchor.problems[3].message).toBe(
      'journey-c2: ends at revision 2; the anchor saw up to revision 3: revision 3 is missing',
    );
  });

  it('refuses a malformed anchor naming the field and the rule, before opening the store', async () => {
    const anchor = JSON.parse((await audit(file, 'anchor')).out);
    writeFileSync(anchorFile, JSON.stringify({ ...anchor, position: 7, events: 'seven' }));
    const missingStore = join(dir, 'typo.db');
    const result = await audit(missingStore, 'verify-store', '--anchor', anchorFile);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`--anchor ${anchorFile} is not a head anchor:`);
    expect(result.err).toContain('position: must be a global position as a decimal string');
    expect(result.err).toContain('events: must be a whole number ≥ 0');
    expect(existsSync(missingStore)).toBe(false);

    writeFileSync(anchorFile, '{"format":');
    expect((await audit(file, 'verify-store', '--anchor', anchorFile)).err).toContain('is not readable JSON');
  });

  it('never overwrites an anchor file', async () => {
    writeFileSync(anchorFile, 'kept');
    const result = await audit(file, 'anchor', '--out', anchorFile);
    expect(result.code).toBe(1);
    expect(result.err).toContain('already exists: an anchor is never overwritten');
    expect(readFileSync(anchorFile, 'utf8')).toBe('kept');
  });
});
