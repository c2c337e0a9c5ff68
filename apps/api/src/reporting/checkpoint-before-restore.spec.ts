import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '@care-journey/event-store';
import { appendAfterPosition, SqliteEventStore } from '@care-journey/event-store/sqlite';
import { CheckpointAheadOfLog, refuseCheckpointAheadOfLog } from './checkpoint-ahead';
import { CheckpointFromBeforeRestore } from './checkpoint-before-restore';

const metadata = { recordedAt: '2026-01-05T10:00:00.000Z', recordedBy: 'spec', schemaVersion: 1 };
const noted = (id: number): NewEvent => ({
  id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
  type: 'Noted',
  data: { id },
  metadata,
});
/** The marker `care-journey restored-head` records after an EventStoreDB restore to `head`. */
const restoredTo = (head: bigint): NewEvent => ({
  id: '00000000-0000-4000-8000-100000000000',
  type: 'StoreRestored',
  data: {
    backup: 'EventStoreDB file-copy restore',
    restoredHead: head.toString(),
    previousHead: null,
    positionsNotInBackup: null,
    positionsReusedFrom: (head + 1n).toString(),
  },
  metadata,
});

async function refusal(store: SqliteEventStore, after: string): Promise<unknown> {
  try {
    await refuseCheckpointAheadOfLog(store, after);
  } catch (error) {
    return error;
  }
  return undefined;
}

/**
 * Review s12-ops F6. A restored EventStoreDB node gives the lost range's positions out again, at
 * other offsets (positions are byte offsets): a job's old checkpoint then lies between new events.
 * Emulated on SQLite with gaps: the restored log ends at 3, the restore is recorded at 5, new events
 * land at 9 and 10, and positions 4, 6, 7 and 8 name no event of the new log.
 */
describe('a checkpoint from before a restore that gave positions out again is refused for good', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cj-before-restore-'));
    file = join(dir, 'events.db');
    const restored = new SqliteEventStore({ file });
    await restored.appendToStream('notes', [noted(1), noted(2), noted(3)], { expectedRevision: 'any' });
    await restored.close();
    appendAfterPosition(file, 'store-restores', restoredTo(3n), 4n);
    appendAfterPosition(file, 'notes', noted(9), 8n);
    store = new SqliteEventStore({ file });
    await store.appendToStream('notes', [noted(10)], { expectedRevision: 'any' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['7', '7.1', '4'])(
    'Given the old log’s checkpoint %s, past the restored head and naming no event now, When a job reads after it, Then 409 checkpoint-before-restore names the restored head to go back to',
    async (after) => {
      const error = await refusal(store, after);
      expect(error).toBeInstanceOf(CheckpointFromBeforeRestore);
      expect((error as CheckpointFromBeforeRestore).getResponse()).toMatchObject({
        statusCode: 409,
        rule: 'checkpoint-before-restore',
        field: 'after',
        message: expect.stringContaining(
          `after ${after} names no event of this log: the store was restored to position 3 (StoreRestored at 5)`,
        ),
      });
      expect(String((error as Error).message)).toContain("Set the job's checkpoint back to 3");
    },
  );

  it.each(['0', '3', '5', '9', '9.2', '10'])(
    'Given checkpoint %s, up to the restored head or on an event of the restored log, When a job reads after it, Then it is served',
    async (after) => {
      expect(await refusal(store, after)).toBeUndefined();
    },
  );

  it('Given a checkpoint past the head, When a job reads after it, Then it is still checkpoint-ahead-of-log', async () => {
    expect(await refusal(store, '11')).toBeInstanceOf(CheckpointAheadOfLog);
  });

  it('Given a log with no restore recorded, When a job reads after a position naming no event, Then nothing new is refused (the guard costs one read of an empty stream)', async () => {
    const plain = join(dir, 'plain.db');
    const other = new SqliteEventStore({ file: plain });
    await other.appendToStream('notes', [noted(1)], { expectedRevision: 'any' });
    appendAfterPosition(plain, 'notes', noted(2), 5n);
    try {
      expect(await refusal(other, '3')).toBeUndefined();
    } finally {
      await other.close();
    }
  });
});
