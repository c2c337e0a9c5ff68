import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { recordRestoredHead, registerRestoredHeadCommand } from './restored-head.command';

const metadata = { recordedAt: '2026-01-05T10:00:00.000Z', recordedBy: 'spec', schemaVersion: 1 };

/** Review s12-ops F6: the EventStoreDB restore runbook's restored head, recorded in the log. */
describe('care-journey restored-head', () => {
  let dir: string;
  let store: SqliteEventStore;
  const saved = { ...process.env };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-restored-head-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db') });
  });
  afterEach(async () => {
    process.env = { ...saved };
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    jest.restoreAllMocks();
  });

  it('Given a restored log whose head is 2, When the restored head is recorded, Then a StoreRestored event after it says positions from 3 are given out again', async () => {
    await store.appendToStream(
      'notes',
      [1, 2].map((i) => ({
        id: `00000000-0000-4000-8000-00000000000${i}`,
        type: 'Noted',
        data: { i },
        metadata,
      })),
      { expectedRevision: 'any' },
    );

    const recorded = await recordRestoredHead(store, 'node-1 volume snapshot');

    expect(recorded).toEqual({ restoredHead: 2n, markerAt: 3n });
    const [marker] = await store.eventsAt(3n);
    expect(marker).toMatchObject({
      streamId: 'store-restores',
      type: 'StoreRestored',
      data: {
        backup: 'node-1 volume snapshot',
        restoredHead: '2',
        previousHead: null,
        positionsNotInBackup: null,
        positionsReusedFrom: '3',
      },
    });
  });

  it('Given an empty log, When the restored head is recorded, Then it is refused and nothing is written', async () => {
    await expect(recordRestoredHead(store, 'x')).rejects.toThrow(
      'the log is empty: there is no restored head to record',
    );
    expect(await store.headPosition()).toBeUndefined();
  });

  it('Given a SQLite store, When the command runs, Then it is refused pointing at `care-journey restore` (which records its own restore)', async () => {
    process.env.CARE_JOURNEY_STORE = 'sqlite';
    process.env.CARE_JOURNEY_SQLITE_FILE = join(dir, 'events.db');
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    process.exitCode = 0;
    const program = new Command().exitOverride();
    registerRestoredHeadCommand(program);
    await program.parseAsync(['node', 'care-journey', 'restored-head']);
    expect(process.exitCode).toBe(1);
    process.exitCode = 0;
    expect(err.mock.calls.map(([text]) => String(text)).join('')).toContain(
      'restored-head: CARE_JOURNEY_STORE is sqlite: `care-journey restore` records a SQLite restore itself',
    );
  });
});
