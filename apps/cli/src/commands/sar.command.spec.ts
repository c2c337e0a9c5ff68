import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { loadAuditKey, readChildTrail, verifyBundle } from '@care-journey/audit';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { CORRECTED_JOURNEY } from '../../../../libs/audit/src/testing/corrected-journey';
import { useCliSpecStore } from '../testing/cli-spec-store';
import { registerAuditCommand } from './audit.command';
import { registerSarCommand, SAR_FILES } from './sar.command';

describe('care-journey sar (subject access export), on a real SQLite store', () => {
  const cli = useCliSpecStore({
    prefix: 'sar-cli-',
    seeded: true,
    env: { CARE_JOURNEY_AUDIT_KEY: 'k'.repeat(40) },
  });
  let out: string;

  const run = async (...args: string[]): Promise<void> => {
    cli.output = '';
    const program = new Command('care-journey').exitOverride();
    registerAuditCommand(program);
    registerSarCommand(program);
    await program.parseAsync(['node', 'care-journey', ...args]);
  };
  const readJson = (name: string): unknown => JSON.parse(readFileSync(join(out, name), 'utf8'));
  const trailOf = async (child: string) => {
    const store = new SqliteEventStore({ file: cli.file, synchronous: 'NORMAL' });
    try {
      return await readChildTrail(store, child);
    } finally {
      await store.close();
    }
  };

  beforeEach(() => {
    out = join(cli.dir, 'sar-2026-014');
  });

  it("Given a child, When exported, Then the folder (0700) holds the procedure's files, each 0600, and the bundle verifies", async () => {
    await run('sar', '--child', 'c1', '--out', out, '--by', 'dpo.jane', '--reason', 'SAR 2026-014');
    expect(readdirSync(out).sort()).toEqual([...SAR_FILES].sort());
    expect(statSync(out).mode & 0o777).toBe(0o700);
    for (const name of SAR_FILES) expect(statSync(join(out, name)).mode & 0o777).toBe(0o600);
    const bundle = readJson('bundle.json');
    expect(verifyBundle(bundle, loadAuditKey().key)).toMatchObject({ ok: true, signature: 'valid' });
    expect(bundle).toMatchObject({ childId: 'c1', exportedBy: 'dpo.jane' });
    expect(cli.errors).toContain(`wrote ${SAR_FILES.length} files to ${out} for child c1`);
  });

  it('writes the same record, chronology and flags as the manual steps (audit replay, chronology, replay --flags)', async () => {
    await run('sar', '--child', 'c1', '--out', out, '--by', 'dpo.jane');
    const step = async (...args: string[]) => {
      await run('audit', ...args, '--child', 'c1', '--by', 'dpo.jane');
      return JSON.parse(cli.output) as unknown;
    };
    expect(readJson('record.json')).toEqual(await step('replay'));
    expect(readJson('chronology.json')).toEqual(await step('chronology'));
    const flags = (await step('replay', '--flags')) as Record<string, unknown>;
    const written = readJson('flags.json') as Record<string, unknown>;
    // The same flags; only the instant they are known at differs (each run's now).
    expect({ ...written, knownAt: undefined }).toEqual({ ...flags, knownAt: undefined });
    // The trace the API's ?knownAt= gives (review s17 diff F7): none for c1, whose steps were recorded in time.
    expect(written.shownUntilRecorded).toEqual([]);
  });

  it('records one trail entry of its own (view sar, --by, the OS account and host), which access-log.json holds with the earlier reads', async () => {
    await run('audit', 'chronology', '--child', 'c1', '--by', 'earlier.reader');
    await run('sar', '--child', 'c1', '--out', out, '--by', 'dpo.jane', '--reason', 'SAR 2026-014');
    const trail = await trailOf('c1');
    expect(trail.filter((e) => e.view === 'sar')).toEqual([
      expect.objectContaining({
        childId: 'c1',
        role: 'operator',
        view: 'sar',
        readBy: 'dpo.jane',
        reason: 'SAR 2026-014',
        query: { out },
        operator: { osUser: userInfo().username, host: hostname() },
      }),
    ]);
    expect(readJson('access-log.json')).toEqual(JSON.parse(JSON.stringify(trail)));
    expect((readJson('access-log.json') as { readBy: string }[]).map((e) => e.readBy)).toEqual([
      'earlier.reader',
      'dpo.jane',
    ]);
  });

  it("lists in the redaction checklist each entry that may hold third parties' data, and the staff named", async () => {
    await run('sar', '--child', 'c1', '--out', out);
    const checklist = readFileSync(join(out, 'REDACTION-CHECKLIST.md'), 'utf8');
    const amendments = CORRECTED_JOURNEY.filter((e) => e.type === 'EntryAmended');
    expect(amendments).toHaveLength(2);
    expect(checklist).toContain("## Entries that may hold third parties' data (2)");
    for (const amendment of amendments)
      expect(checklist).toMatch(
        new RegExp(
          `- \\[ \\] revision \\d+, EntryAmended, effective .* \\(event ${amendment.id}\\): \`reason\`, \`amendedData\``,
        ),
      );
    // Where to look, never the words themselves.
    expect(checklist).not.toContain('wrong placement type');
    const staff = [...new Set(CORRECTED_JOURNEY.map((e) => String(e.metadata.recordedBy)))];
    for (const user of staff) expect(checklist).toContain(`- [ ] ${user}`);
  });

  it('Given an unknown child, Then it says so, writes nothing and records no read', async () => {
    await expect(run('sar', '--child', 'nobody', '--out', out)).rejects.toThrow(
      'No child with id nobody in the configured store: nothing written',
    );
    expect(existsSync(out)).toBe(false);
    expect(await trailOf('nobody')).toEqual([]);
  });

  it('Given a folder that is not empty (or a file), Then it refuses before reading; an empty folder is used', async () => {
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'x');
    await expect(run('sar', '--child', 'c1', '--out', out)).rejects.toThrow(
      `--out ${out} is not empty: a subject access export writes into a new or empty folder`,
    );
    await expect(run('sar', '--child', 'c1', '--out', join(out, 'notes.txt'))).rejects.toThrow(
      'is a file, not a folder',
    );
    expect(readdirSync(out)).toEqual(['notes.txt']);
    expect(await trailOf('c1')).toEqual([]);
    rmSync(join(out, 'notes.txt'));
    await run('sar', '--child', 'c1', '--out', out);
    expect(readdirSync(out)).toHaveLength(SAR_FILES.length);
  });
});
