import { readFileSync, writeFileSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { auditKeyFingerprint, readWholeStream, searchTermHash } from '@care-journey/audit';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { useCliSpecStore } from '../testing/cli-spec-store';
import { registerAuditCommand } from './audit.command';

describe('care-journey audit', () => {
  const cli = useCliSpecStore({
    prefix: 'audit-cli-',
    seeded: true,
    env: { CARE_JOURNEY_AUDIT_KEY: 'k'.repeat(40) },
  });

  const run = async (...args: string[]): Promise<unknown> => {
    cli.output = '';
    process.exitCode = undefined;
    const program = new Command('care-journey').exitOverride();
    registerAuditCommand(program);
    await program.parseAsync(['node', 'care-journey', 'audit', ...args]);
    return JSON.parse(cli.output);
  };

  it('replays a child as at a date and as known at an instant, from the configured store', async () => {
    const result = (await run(
      'replay',
      '--child',
      'c1',
      '--as-at',
      '2024-03-03',
      '--known-at',
      '2024-04-10T00:00:00Z',
      '--by',
      'carol',
    )) as { state: { currentPlacement: unknown } };
    expect(result.state.currentPlacement).toMatchObject({ placementType: 'U5', startDate: '2024-03-01' });
  });

  // The fixture's first review (due 12 Feb 2024) is held on 12 Feb, recorded on 13 Feb at 11:00Z.
  type Flagged = { ruleId: string; dueDate: string; closedOn?: string };
  const dr01 = (entries: Flagged[] | undefined) => (entries ?? []).filter((entry) => entry.ruleId === 'DR01');

  it('Given the review not yet recorded, When replayed as known then, Then the drift carries DR01 open and its flag history', async () => {
    const result = (await run('replay', '--child', 'c1', '--known-at', '2024-02-13T10:00:00Z')) as {
      drift: { driftDate: string; flags: Flagged[]; history: Flagged[] };
    };
    expect(result.drift.driftDate).toBe('2024-02-13');
    expect(dr01(result.drift.flags)).toHaveLength(1);
    expect(dr01(result.drift.history)).toEqual([expect.objectContaining({ dueDate: '2024-02-12' })]);
    expect(dr01(result.drift.history)[0].closedOn).toBeUndefined();
  });

  it('--flags prints only the flags as known at the instant: DR01 open before the review was recorded, not after', async () => {
    const before = (await run(
      'replay',
      '--child',
      'c1',
      '--known-at',
      '2024-02-13T10:00:00Z',
      '--flags',
    )) as {
      flags: Flagged[];
      history: Flagged[];
    };
    expect(before).toMatchObject({
      childId: 'c1',
      asAt: '2024-02-13',
      knownAt: '2024-02-13T10:00:00.000Z',
      eventsKnown: 2,
    });
    expect(before).not.toHaveProperty('entries');
    expect(dr01(before.flags)).toHaveLength(1);
    const after = (await run('replay', '--child', 'c1', '--known-at', '2024-02-13T12:00:00Z', '--flags')) as {
      flags: Flagged[];
      history: Flagged[];
    };
    expect(after).toMatchObject({ eventsKnown: 3 });
    expect(dr01(after.flags)).toEqual([]);
    expect(dr01(after.history).filter((entry) => !entry.closedOn)).toEqual([]);
  });

  it('refuses a bad date naming the option', async () => {
    await expect(run('replay', '--child', 'c1', '--as-at', '2024-02-30')).rejects.toThrow(/--as-at/);
  });

  it('verifies the chain, and exports a bundle that verifies offline', async () => {
    expect(await run('verify', '--child', 'c1')).toMatchObject({ childId: 'c1', ok: true, checked: 7 });
    const out = join(cli.dir, 'bundle.json');
    cli.output = '';
    const program = new Command('care-journey').exitOverride();
    registerAuditCommand(program);
    await program.parseAsync([
      'node',
      'care-journey',
      'audit',
      'export',
      '--child',
      'c1',
      '--out',
      out,
      '--by',
      'carol',
    ]);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({
      childId: 'c1',
      exportedBy: 'carol',
      chain: { length: 7 },
    });
    expect(await run('verify-bundle', out)).toMatchObject({ ok: true, signature: 'valid' });
    expect(process.exitCode).toBeUndefined();

    // A second export to the same file is refused with the option named, and the bundle kept.
    const before = readFileSync(out, 'utf8');
    await expect(run('export', '--child', 'c1', '--out', out, '--by', 'carol')).rejects.toThrow(
      /--out .*bundle\.json already exists/,
    );
    expect(readFileSync(out, 'utf8')).toBe(before);

    const edited = readFileSync(out, 'utf8').replace('"participation": "PN1"', '"participation": "PN2"');
    writeFileSync(out, edited);
    expect(await run('verify-bundle', out)).toMatchObject({ ok: false, firstBroken: { eventId: 'e3' } });
    expect(process.exitCode).toBe(1);
  });

  it('Given a bundle signed before the audit key was rotated, When verified, Then wrong-key with the current key alone, valid with the archived key from --key-file (review s12-ops F5)', async () => {
    const out = join(cli.dir, 'old-bundle.json');
    const oldKey = 'k'.repeat(40);
    const program = new Command('care-journey').exitOverride();
    registerAuditCommand(program);
    await program.parseAsync(['node', 'care-journey', 'audit', 'export', '--child', 'c1', '--out', out]);
    const { keyId } = (JSON.parse(readFileSync(out, 'utf8')) as { signature: { keyId: string } }).signature;
    expect(keyId).toBe(auditKeyFingerprint(oldKey));
    process.env.CARE_JOURNEY_AUDIT_KEY = 'r'.repeat(40); // rotated

    expect(await run('verify-bundle', out)).toMatchObject({ ok: false, signature: 'wrong-key' });
    expect(process.exitCode).toBe(1);

    const ring = join(cli.dir, 'audit-keys');
    writeFileSync(
      ring,
      `# archived audit keys, by keyId\nlegacy-2025 ${'l'.repeat(40)}\n${keyId} ${oldKey}\n`,
      {
        mode: 0o600,
      },
    );
    expect(await run('verify-bundle', '--key-file', ring, out)).toMatchObject({
      ok: true,
      signature: 'valid',
    });
    expect(process.exitCode).toBeUndefined();

    // A key pasted beside another key's fingerprint is refused, naming the file and line.
    writeFileSync(ring, `${keyId} ${'w'.repeat(40)}\n`);
    await expect(run('verify-bundle', '--key-file', ring, out)).rejects.toThrow(
      new RegExp(`--key-file .*audit-keys:1: ${keyId} is not this key's fingerprint`),
    );
  });

  it('records each read in the access log with the reader and reason', async () => {
    await run('chronology', '--child', 'c1', '--by', 'carol', '--reason', 'court bundle');
    const store = new SqliteEventStore({ file: cli.file, synchronous: 'NORMAL' });
    const day = new Date().toISOString().slice(0, 10);
    const trail = (await readWholeStream(store, `access-log-${day}`)) ?? [];
    await store.close();
    expect(trail.map((e) => [e.data, e.metadata.recordedBy])).toEqual([
      [{ childId: 'c1', role: 'operator', view: 'chronology', reason: 'court bundle' }, 'carol'],
    ]);
    // --by is typed by the operator: the OS account and host that ran it are kept beside it (review s15 F10).
    expect(trail[0].metadata['operator']).toEqual({ osUser: userInfo().username, host: hostname() });
  });

  it('search-hash prints the keyed hash the trail keeps of a search that found no one, the same whatever the case and spacing (review s15 F12)', async () => {
    const printed = await run('search-hash', 'Jane  DOE');
    expect(printed).toEqual({
      qHash: searchTermHash('jane doe', { keyId: 'x', secret: Buffer.from('k'.repeat(40)) }),
      qKeyId: auditKeyFingerprint('k'.repeat(40)),
    });
    expect(JSON.stringify(printed).toLowerCase()).not.toContain('jane');
  });
});
