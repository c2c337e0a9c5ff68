import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { chainEvents, chainTipAfter, readChildTrail } from '@care-journey/audit';
import type { NewEvent } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { currentSchemaVersion } from '@care-journey/journey';
import { ChildRefRegistry, UpnRegistry, upnStream } from '@care-journey/registrations';
import { CORRECTED_JOURNEY } from '../../../../libs/audit/src/testing/corrected-journey';
import { registerSarCommand, SAR_FILES } from './sar.command';

const UPN = 'A123456789012';
const recording = { recordedAt: '2024-01-10T09:00:00.000Z', recordedBy: 'sw-1' };
/** An admin releases a hold only once it is past the 10-minute settle window. */
const afterSettling = { ...recording, recordedAt: '2024-01-10T09:11:00.000Z' };
const event = (id: string, type: string, data: Record<string, unknown>): NewEvent => ({
  id,
  type,
  data,
  metadata: { ...recording, schemaVersion: currentSchemaVersion(type) },
});
const registration = (childId: string, childRef: string, upn: string): NewEvent =>
  event(`${childId}-e1`, 'ChildRegistered', {
    ...CORRECTED_JOURNEY[0].data,
    childId,
    childRef,
    upn,
    name: `Child ${childId}`,
  });

describe('care-journey sar --child-ref / --upn: the child found for the operator, and its reservations exported', () => {
  let dir: string;
  let file: string;
  let out: string;
  let env: NodeJS.ProcessEnv;

  const run = async (...args: string[]): Promise<void> => {
    const program = new Command('care-journey').exitOverride();
    registerSarCommand(program);
    await program.parseAsync(['node', 'care-journey', ...args]);
  };
  const readJson = <T>(name: string): T => JSON.parse(readFileSync(join(out, name), 'utf8')) as T;
  const withStore = async <T>(use: (store: SqliteEventStore) => Promise<T>): Promise<T> => {
    const store = new SqliteEventStore({ file, synchronous: 'NORMAL' });
    try {
      return await use(store);
    } finally {
      await store.close();
    }
  };
  const journey = (store: SqliteEventStore, childId: string, events: NewEvent[]) =>
    store.appendToStream(
      `journey-${childId}`,
      chainEvents(chainTipAfter(`journey-${childId}`, undefined), events),
      {
        expectedRevision: 'no_stream',
      },
    );

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sar-ref-'));
    file = join(dir, 'events.db');
    out = join(dir, 'sar-2026-015');
    await withStore(async (store) => {
      // c1: registered as R1, with an unknown-UPN code, without reservations (a store from before them).
      await journey(store, 'c1', CORRECTED_JOURNEY);
      // c2: R2 (which an id that never became a child had held and released), a real UPN, and a
      // correction of its registration to reference R3; reserved as the API reserves them.
      const refs = new ChildRefRegistry(store);
      await refs.reserve('R2', 'ghost', recording);
      await refs.release('R2', 'never registered', afterSettling);
      await refs.reserve('R2', 'c2', recording);
      await refs.reserve('R3', 'c2', recording);
      await new UpnRegistry(store).hold(UPN, 'c2', recording);
      await journey(store, 'c2', [
        registration('c2', 'R2', UPN),
        event('c2-e2', 'EntryAmended', {
          childId: 'c2',
          effectiveDate: '2024-01-10',
          correctedEventId: 'c2-e1',
          reason: 'reference mistyped',
          amendedData: { childRef: 'R3' },
        }),
      ]);
    });
    env = process.env;
    process.env = {
      ...env,
      CARE_JOURNEY_STORE: 'sqlite',
      CARE_JOURNEY_SQLITE_FILE: file,
      CARE_JOURNEY_AUDIT_KEY: 'k'.repeat(40),
      NODE_ENV: 'test',
    };
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    process.env = env;
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given the council’s 903 reference (any case, spaces), When exported, Then the child holding it is exported and the trail names that child', async () => {
    await run('sar', '--child-ref', ' r1 ', '--out', out, '--by', 'dpo.jane');
    expect(readJson<{ childId: string }>('bundle.json').childId).toBe('c1');
    expect((await withStore((store) => readChildTrail(store, 'c1'))).map((e) => e.view)).toEqual(['sar']);
  });

  it('Given a UPN, When exported, Then its child is exported; Given the reference it has now, Then the same child, and the trail records which option and value found them', async () => {
    await run('sar', '--upn', UPN.toLowerCase(), '--out', out);
    expect(readJson<{ childId: string }>('bundle.json').childId).toBe('c2');
    const again = join(dir, 'by-R3');
    await run('sar', '--child-ref', 'r3', '--out', again);
    expect(JSON.parse(readFileSync(join(again, 'bundle.json'), 'utf8'))).toMatchObject({ childId: 'c2' });
    expect((await withStore((store) => readChildTrail(store, 'c2'))).map((e) => e.query)).toEqual([
      { out, upn: UPN },
      { out: again, 'child-ref': 'R3' },
    ]);
  });

  // s17 diff review F1: a reference corrected as mistyped may be another young person's, whose
  // request must not get c2's record. Before, `--child-ref R2` exported c2 without a word.
  it('Given a reference the child had until a correction changed it, When exported by it, Then it is refused naming the child, the correction and --child; nothing written, nothing recorded', async () => {
    await expect(run('sar', '--child-ref', 'R2', '--out', out)).rejects.toThrow(
      `error: option '--child-ref <ref>': R2 is not child c2's 903 reference now: a correction of 2024-01-10 ("reference mistyped") changed it to R3. A value corrected away may be another young person's: check who is asking, and if it is this child give --child c2; nothing written`,
    );
    expect(existsSync(out)).toBe(false);
    expect(await withStore((store) => readChildTrail(store, 'c2'))).toEqual([]);
    await run('sar', '--child', 'c2', '--out', out);
    expect((await withStore((store) => readChildTrail(store, 'c2'))).map((e) => e.query)).toEqual([{ out }]);
  });

  it("Given a child with reservations, When exported, Then reservations.json holds each of its reference and UPN streams with the events naming it, not another id's", async () => {
    await run('sar', '--child', 'c2', '--out', out);
    expect(SAR_FILES).toContain('reservations.json');
    const { childId, streams } = readJson<{
      childId: string;
      streams: { stream: string; holds: object; events: { type: string; data: { childId: string } }[] }[];
    }>('reservations.json');
    expect(childId).toBe('c2');
    expect(
      streams.map(({ stream, holds, events }) => ({ stream, holds, types: events.map((e) => e.type) })),
    ).toEqual([
      { stream: 'child-ref-R2', holds: { childRef: 'R2' }, types: ['ChildRefReserved'] },
      { stream: 'child-ref-R3', holds: { childRef: 'R3' }, types: ['ChildRefReserved'] },
      { stream: upnStream(UPN), holds: { upn: UPN }, types: ['UpnReserved'] },
    ]);
    // The id that reserved R2 and released it never became a child: its events are not c2's data.
    expect(JSON.stringify(streams)).not.toContain('ghost');
    // A child without reservations (c1: its store predates them, and UN1 names no one): none, said so.
    const c1 = join(dir, 'c1');
    await run('sar', '--child', 'c1', '--out', c1);
    expect(JSON.parse(readFileSync(join(c1, 'reservations.json'), 'utf8'))).toEqual({
      childId: 'c1',
      streams: [],
    });
  });

  it('Given two children registered with one reference (a store from before reservations), When exported by it, Then it is refused naming the option and both ids; nothing written, nothing recorded', async () => {
    await withStore((store) => journey(store, 'c3', [registration('c3', 'R1', 'UN2')]));
    await expect(run('sar', '--child-ref', 'R1', '--out', out)).rejects.toThrow(
      "error: option '--child-ref <ref>': 2 children have or had the 903 reference R1 (c1, c3): give --child <id> for the one asking; nothing written",
    );
    expect(existsSync(out)).toBe(false);
    for (const child of ['c1', 'c3'])
      expect(await withStore((store) => readChildTrail(store, child))).toEqual([]);
  });

  it.each([
    [
      ['--child-ref', 'R9'],
      "error: option '--child-ref <ref>': no child in the configured store has or had the 903 reference R9: nothing written",
    ],
    [
      ['--upn', 'B123456789012'],
      "error: option '--upn <upn>': no child in the configured store has or had the UPN B123456789012: nothing written",
    ],
    [
      ['--upn', 'un1'],
      "error: option '--upn <upn>': un1 is an unknown-UPN code (UN1–UN5), which many children share",
    ],
    [[], 'error: give one of --child <id>, --child-ref <ref> or --upn <upn> (the child the export is about)'],
    [
      ['--child', 'c1', '--upn', UPN],
      'error: give one of --child <id>, --child-ref <ref> or --upn <upn> (the child the export is about), not --child and --upn',
    ],
  ])('Given %j, When exported, Then it is refused: %s; nothing written', async (args, message) => {
    await expect(run('sar', ...args, '--out', out)).rejects.toThrow(message);
    expect(existsSync(out)).toBe(false);
  });
});
