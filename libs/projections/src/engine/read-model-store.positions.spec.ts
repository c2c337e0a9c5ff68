/**
 * Global positions are bigint everywhere; the read model's last_position must keep them exact too.
 * EventStoreDB's positions are byte offsets, so a long-lived log passes 2^53, where a JS number
 * can no longer tell neighbouring positions apart (2^53 + 3 reads back as 2^53 + 4).
 */
import { join } from 'node:path';
import { journey } from '../testing/journey-builder';
import { recordedEvents, tempDir } from '../testing/log-fixtures';
import { ReadModelStore } from './read-model-store';

const ABOVE_2_53 = 2n ** 53n + 1n;

describe('the read model keeps a child’s last position exact above 2^53', () => {
  let temp: ReturnType<typeof tempDir>;
  const opened: ReadModelStore[] = [];
  const open = (): ReadModelStore => {
    const store = new ReadModelStore(join(temp.dir, 'read-models.db'));
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    temp = tempDir('cj-positions-');
  });
  afterEach(() => {
    for (const store of opened.splice(0)) store.close();
    temp.remove();
  });

  const child = journey('big')
    .registered('2026-01-05')
    .startCare('2026-01-05')
    .review('2026-02-01')
    .move('2026-03-02');
  const log = recordedEvents('big', child.events, ABOVE_2_53);

  it('Given three events applied at 2^53+1..3 and the file opened again, When the next event (2^53+4) comes, Then it is folded, not taken for a replay', () => {
    const first = open();
    first.applyBatch(first.currentGeneration(), log.slice(0, 3), { requireCurrent: true });
    first.close();

    const reopened = open();
    const result = reopened.applyBatch(reopened.currentGeneration(), log.slice(3), { requireCurrent: true });

    expect(result).toEqual({ applied: 1, skipped: 0, checkpoint: ABOVE_2_53 + 3n });
    expect(reopened.summary('big')).toEqual(child.summary());
  });

  it('Given the events applied batch by batch in one process, Then the child kept in memory is recognised and every event folded', () => {
    const store = open();
    for (const event of log) store.applyBatch(store.currentGeneration(), [event], { requireCurrent: true });
    expect(store.summary('big')).toEqual(child.summary());
  });

  it('Given a child written at 2^53+4, Then its last position reads back exact, and "changed since" tells 2^53+3 from 2^53+4', () => {
    const store = open();
    store.applyBatch(store.currentGeneration(), log, { requireCurrent: true });

    expect(store.summariesChangedSince(undefined).records.map((r) => r.lastPosition)).toEqual([
      ABOVE_2_53 + 3n,
    ]);
    expect(store.summariesChangedSince(ABOVE_2_53 + 2n).records).toHaveLength(1);
    expect(store.summariesChangedSince(ABOVE_2_53 + 3n).records).toEqual([]);
  });
});
