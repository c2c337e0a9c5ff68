import { openRaw, rawBatchInserter } from '../support/raw-sqlite';
import { TempDb } from '../support/temp-db';
import { CHILD_WINDOW, ourChildAppend, rawChildInsert } from './child-append';

/** A seed file of children with these numbers of events, written child by child as the cohort is. */
function seed(lengths: readonly number[]): TempDb {
  const temp = new TempDb();
  const db = openRaw(temp.file, 'OFF');
  const insert = rawBatchInserter(db);
  lengths.forEach((length, child) =>
    insert(
      `journey/child-${child}`,
      0,
      Array.from({ length }, (_, i) => ({
        id: `child-${child}-event-${i}`,
        type: 'ReviewRecorded',
        data: { n: i },
        metadata: { recordedBy: 'bench', recordedAt: '2025-01-01T00:00:00.000Z', schemaVersion: 1 },
      })),
    ),
  );
  db.close();
  return temp;
}

describe('the child-shaped append of the scaling figure (review s16 F6)', () => {
  let temp: TempDb;
  afterEach(() => temp.remove());

  it('Given children of 3, 1 and 2 events, When ours appends them, Then every event is its own append at its expected revision, each round of the interleaved children one commit', async () => {
    temp = seed([3, 1, 2]);
    const run = await ourChildAppend(temp.file);
    // Rounds: the first events of all three, the second of two, the third of one.
    expect(run).toMatchObject({ appends: 6, transactions: 3 });
  });

  it('Given more children than a window, Then each window is interleaved on its own and raw commits the same rounds', async () => {
    temp = seed([...Array.from({ length: CHILD_WINDOW }, () => 2), 4]);
    const ours = await ourChildAppend(temp.file);
    const raw = await rawChildInsert(temp.file);
    // Window 1: 1,000 children of 2 events, 2 rounds; window 2: one child of 4 events, 4 rounds.
    expect(ours).toMatchObject({ appends: 2 * CHILD_WINDOW + 4, transactions: 6 });
    expect(raw).toMatchObject({ appends: 2 * CHILD_WINDOW + 4, transactions: 6 });
  });
});
