/**
 * The log tie (log-tie.ts) on EventStoreDB, through its adapter over the in-process client: its
 * positions are byte offsets, and its server refuses a read from a number that is not the start of
 * a record (review s13 H1). Asking for the events at a checkpoint must never read from
 * `checkpoint - 1`, or no projector with a checkpoint could start on EventStoreDB.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { EventStoreDbEventStore } from '../../../event-store/src/eventstoredb/esdb-event-store';
import { InProcessEsdbClient } from '../../../event-store/src/eventstoredb/testing/in-process-esdb-client.spec-helper';
import { journey } from '../testing/journey-builder';
import { appendInterleaved, eventually, tempDir } from '../testing/log-fixtures';
import { checkLogTie } from './log-tie';
import { ProjectionEngine } from './projection-engine';

/** Children registered and taken into care, with UUID ids (what EventStoreDB takes as event ids). */
const cohort = (size: number, prefix = 'child') =>
  Array.from({ length: size }, (_, i) => {
    const builder = journey(`${prefix}${i}`).registered('2020-01-01').startCare('2020-02-01');
    for (const event of builder.events) event.id = randomUUID();
    return builder;
  });

describe('read models tied to an EventStoreDB log', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: EventStoreDbEventStore;
  const engines: ProjectionEngine[] = [];

  const engineOn = (): ProjectionEngine => {
    const e = new ProjectionEngine(store, {
      file: join(temp.dir, 'read-models.db'),
      mode: 'inline',
      batchSize: 7,
      restartDelayMs: 20,
      rebuildThreads: 1,
      log: () => undefined,
    });
    engines.push(e);
    return e;
  };
  const caughtUp = async (e: ProjectionEngine): Promise<void> => {
    const head = (await store.headPosition())!.toString();
    await eventually(async () => (await e.lag()).checkpoint === head);
  };

  beforeEach(() => {
    temp = tempDir('cj-log-tie-esdb-');
    store = new EventStoreDbEventStore(new InProcessEsdbClient(), { initialDelayMs: 10, maxDelayMs: 50 });
  });

  afterEach(async () => {
    for (const e of engines.splice(0)) await e.close();
    await store.close();
    temp.remove();
  });

  it('Given read models of this log, When the projector restarts, Then it resumes in the same generation, not projected again', async () => {
    await appendInterleaved(store, cohort(2));
    const first = engineOn();
    first.start();
    await caughtUp(first);
    const generation = first.readModels.currentGeneration();
    await first.close();
    engines.splice(0);

    const e = engineOn();
    e.start();
    await appendInterleaved(store, cohort(1, 'late'));
    await caughtUp(e);
    expect(e.readModels.childIds()).toEqual(['child0', 'child1', 'late0']);
    expect(e.readModels.currentGeneration()).toBe(generation);
    expect((await e.lag()).realigned).toBeUndefined();
  });

  it('Given a checkpoint from another store (not a position of this log), When the tie is checked, Then the log holds no event there (no read from inside a record)', async () => {
    await appendInterleaved(store, cohort(2));
    const head = (await store.headPosition())!;
    // A SQLite checkpoint is a small dense number: inside some record of this log.
    expect(await checkLogTie(store, { generation: 1, checkpoint: 5n }, head)).toMatchObject({
      aligned: false,
      reason: 'the log holds no event at the checkpoint',
    });
    expect(
      await checkLogTie(
        store,
        { generation: 1, checkpoint: head, tiedTo: { position: 5n, eventId: 'x' } },
        head,
      ),
    ).toMatchObject({ aligned: false, reason: 'the log holds no event at the checkpoint' });
  });

  it('Given a rebuild, Then the generation it makes is tied to the last event of the log', async () => {
    await appendInterleaved(store, cohort(2));
    const e = engineOn();
    const done = await e.rebuildAndWait();
    const head = (await store.headPosition())!;
    const [last] = await store.eventsAt(head);
    expect(e.readModels.logTie()).toEqual({
      generation: done.generation,
      checkpoint: head,
      tiedTo: { position: head, eventId: last.id },
    });
  });
});
