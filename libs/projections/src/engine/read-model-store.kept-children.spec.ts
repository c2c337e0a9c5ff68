/**
 * The live projector keeps each child's fold between batches. It used to read the child's row back
 * every batch to make sure no other writer had moved it; now SQLite's data_version says whether
 * any other connection has committed since the last batch, and only then are rows read back.
 */
import { join } from 'node:path';
import { journey } from '../testing/journey-builder';
import { recordedEvents, tempDir } from '../testing/log-fixtures';
import { ReadModelFile } from './read-model-store-file';
import { ReadModelStore } from './read-model-store';

describe('kept children: read back only when another connection has written the file', () => {
  let temp: ReturnType<typeof tempDir>;
  const opened: ReadModelStore[] = [];
  const open = (file: string): ReadModelStore => {
    const store = new ReadModelStore(file);
    opened.push(store);
    return store;
  };
  beforeEach(() => {
    temp = tempDir('cj-kept-children-');
  });
  afterEach(() => {
    jest.restoreAllMocks();
    for (const store of opened.splice(0)) store.close();
    temp.remove();
  });

  const log = recordedEvents(
    'kit',
    journey('kit')
      .registered('2026-01-05')
      .startCare('2026-01-05')
      .review('2026-02-01')
      .review('2026-05-01')
      .review('2026-10-01').events,
  );
  /** The look-ups of a child's row (ChildFolds.keptChild's, or streamsNeeded's with `sql`) made while `work` runs. */
  const rowLookUps = (work: () => void, sql = 'SELECT last_position FROM'): number => {
    const spy = jest.spyOn(ReadModelFile.prototype, 'positionStmt');
    work();
    const count = spy.mock.calls.filter(([text]) => text.startsWith(sql)).length;
    spy.mockRestore();
    return count;
  };
  const PLAN = 'SELECT stream_count, latest_effective, last_position FROM';

  it('Given a child kept by the batch before and no other writer, When its next event is applied, Then its row is not read back', () => {
    const store = open(join(temp.dir, 'rm.db'));
    const generation = store.currentGeneration();
    store.applyBatch(generation, log.slice(0, 3), { requireCurrent: true });

    expect(rowLookUps(() => store.applyBatch(generation, log.slice(3, 4), { requireCurrent: true }))).toBe(0);
    expect(store.summary('kit')?.periods[0].reviews.map((r) => r.date)).toEqual(['2026-02-01', '2026-05-01']);
  });

  it('Given another connection applied the next event meanwhile, When this one applies it and the one after, Then it reads the row back and folds each event once', () => {
    const file = join(temp.dir, 'rm.db');
    const mine = open(file);
    const generation = mine.currentGeneration();
    mine.applyBatch(generation, log.slice(0, 3), { requireCurrent: true });
    const other = open(file);
    other.applyBatch(generation, log.slice(3, 4), { requireCurrent: true });

    expect(rowLookUps(() => mine.applyBatch(generation, log.slice(3, 5), { requireCurrent: true }))).toBe(1);
    expect(mine.summary('kit')?.periods[0].reviews.map((r) => r.date)).toEqual([
      '2026-02-01',
      '2026-05-01',
      '2026-10-01',
    ]);
  });

  it('Given a child kept and no other writer, When a batch is planned, Then its row is not looked up, and a back-dated event still asks for its stream', () => {
    const store = open(join(temp.dir, 'rm.db'));
    const generation = store.currentGeneration();
    store.applyBatch(generation, log.slice(0, 4), { requireCurrent: true });

    expect(rowLookUps(() => store.streamsNeeded(generation, log.slice(4, 5)), PLAN)).toBe(0);
    expect(store.streamsNeeded(generation, log.slice(4, 5))).toEqual([]);
    const backDated = { ...log[4], data: { ...log[4].data, effectiveDate: '2026-03-01' } };
    expect(store.streamsNeeded(generation, [backDated])).toEqual([{ childId: 'kit', count: 4 }]);
  });

  it('Given another connection wrote the file since the last batch, When a batch is planned, Then the row is looked up', () => {
    const file = join(temp.dir, 'rm.db');
    const mine = open(file);
    const generation = mine.currentGeneration();
    mine.applyBatch(generation, log.slice(0, 3), { requireCurrent: true });
    open(file).applyBatch(generation, log.slice(3, 4), { requireCurrent: true });

    expect(rowLookUps(() => mine.streamsNeeded(generation, log.slice(4, 5)), PLAN)).toBe(1);
    expect(mine.streamsNeeded(generation, log.slice(4, 5))).toEqual([]);
  });
});
