/**
 * Integration: a real SQLite event store and a real read-model file, both temporary.
 */
import { join } from 'node:path';
import { lastValueFrom, toArray } from 'rxjs';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { summaryFromStream } from '../summary/build-summary';
import type { JourneySummary } from '../summary/journey-summary';
import { appendEvents, appendInterleaved, eventually, sampleCohort, tempDir } from '../testing/log-fixtures';
import { journey } from '../testing/journey-builder';
import { ProjectionEngine } from './projection-engine';
import { ReadModelStore } from './read-model-store';

const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const byId = (summaries: Iterable<JourneySummary>): Record<string, unknown> =>
  Object.fromEntries([...summaries].map((s) => [s.childId, json(s)]));

describe('projection engine on real SQLite files', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: SqliteEventStore;
  let readModelFile: string;
  const engines: ProjectionEngine[] = [];

  const engine = (batchSize = 50): ProjectionEngine => {
    const e = new ProjectionEngine(store, {
      file: readModelFile,
      mode: 'inline',
      batchSize,
      restartDelayMs: 20,
    });
    engines.push(e);
    return e;
  };
  const caughtUp = async (e: ProjectionEngine): Promise<void> => {
    const head = await store.headPosition();
    await eventually(() => head === undefined || (e.checkpoint() ?? -1n) >= head);
  };

  beforeEach(() => {
    temp = tempDir('cj-projections-');
    store = new SqliteEventStore({ file: join(temp.dir, 'events.db'), pollIntervalMs: 5 });
    readModelFile = join(temp.dir, 'read-models.db');
  });

  afterEach(async () => {
    for (const e of engines.splice(0)) await e.close();
    await store.close();
    temp.remove();
    jest.restoreAllMocks();
  });

  it('catches up from an existing log, then follows live appends (read-your-writes)', async () => {
    const cohort = sampleCohort(12);
    await appendInterleaved(store, cohort);
    const e = engine();
    e.start();
    await caughtUp(e);
    const expected = Object.fromEntries(
      cohort.map((b) => [b.childId, json(summaryFromStream(b.childId, b.events))]),
    );
    expect(byId(e.summaries())).toEqual(expected);

    const late = journey('late').registered('2024-01-01').startCare('2024-02-01');
    const written = await appendEvents(store, 'late', late.events);
    expect(await e.waitForPosition(written.globalPosition, 2000)).toBe(true);
    expect(e.summary('late')?.periods).toHaveLength(1);
    expect((await e.lag()).lag).toBe('0');
  });

  it("gives a child's stored events with their stream revisions and log positions", async () => {
    const [a, b] = sampleCohort(2);
    await appendInterleaved(store, [a, b]);
    const e = engine();
    e.start();
    await caughtUp(e);
    const events = (await e.childEvents(a.childId)) ?? [];
    expect(events.map((event) => event.id)).toEqual(a.events.map((event) => event.id));
    expect(events.map((event) => event.revision)).toEqual(a.events.map((_, i) => BigInt(i)));
    const positions = events.map((event) => event.globalPosition ?? 0n);
    expect([...positions].sort((x, y) => (x < y ? -1 : 1))).toEqual(positions);
    expect(await e.childEvents('nobody')).toBeUndefined();
  });

  it('resumes from its checkpoint after a restart without applying anything twice', async () => {
    const [a, b] = sampleCohort(2);
    await appendEvents(store, a.childId, a.events);
    const first = engine();
    first.start();
    await caughtUp(first);
    await first.close();

    await appendEvents(store, b.childId, b.events);
    const second = engine();
    expect(second.checkpoint()).toBeDefined();
    second.start();
    await caughtUp(second);
    expect(second.summary(a.childId)?.eventCount).toBe(summaryFromStream(a.childId, a.events).eventCount);
    expect(byId(second.summaries())).toEqual({
      [a.childId]: json(summaryFromStream(a.childId, a.events)),
      [b.childId]: json(summaryFromStream(b.childId, b.events)),
    });

    // Replaying already-applied events is a no-op: they are at or below the checkpoint.
    const all = [];
    for await (const event of store.readAll()) all.push(event);
    const again = second.readModels.applyBatch(second.readModels.currentGeneration(), all, {
      requireCurrent: true,
    });
    expect(again).toMatchObject({ applied: 0, skipped: all.length });
  });

  it('a failure mid-batch rolls the whole batch back with its checkpoint, and the retry neither skips nor doubles', async () => {
    const cohort = sampleCohort(6);
    await appendInterleaved(store, cohort);
    type Patchable = { applyToChild: (...args: unknown[]) => void };
    const prototype = ReadModelStore.prototype as unknown as Patchable;
    const original = prototype.applyToChild;
    let failures = 0;
    jest.spyOn(prototype, 'applyToChild').mockImplementation(function (this: Patchable, ...args: unknown[]) {
      // The third child's events fail twice (a crash in the middle of a batch), then succeed.
      if (args[1] === 'child2' && failures < 2) {
        failures += 1;
        throw new Error('simulated crash');
      }
      return original.apply(this, args);
    });
    const e = engine(10);
    e.start();
    await eventually(() => failures >= 1);
    // Nothing of child2 was committed, nor was the checkpoint moved past it.
    expect(e.readModels.childIds()).not.toContain('child2');
    expect(e.checkpoint()).toBeUndefined(); // the first batch (positions 1–10) holds child2's registration
    await caughtUp(e);
    expect(failures).toBe(2);
    const expected = Object.fromEntries(
      cohort.map((b) => [b.childId, json(summaryFromStream(b.childId, b.events))]),
    );
    expect(byId(e.summaries())).toEqual(expected);
  });

  it('rebuild from position 0 gives the same read models as incremental projection, then switches', async () => {
    const cohort = sampleCohort(20);
    await appendInterleaved(store, cohort);
    const e = engine(7);
    e.start();
    await caughtUp(e);
    const incremental = byId(e.summaries());
    const before = e.readModels.currentGeneration();

    const progress = await lastValueFrom(e.rebuild().pipe(toArray()));
    expect(progress[0].state).toBe('running');
    expect(progress.at(-1)).toMatchObject({
      state: 'done',
      generation: before + 1,
      percent: 100,
      etaSeconds: 0,
      threads: 1, // a small log is never split (under MIN_EVENTS_PER_THREAD per thread)
    });
    expect(progress.at(-1)?.eventsDone).toBe(cohort.reduce((n, b) => n + b.events.length, 0));
    expect(e.readModels.currentGeneration()).toBe(before + 1);
    expect(byId(e.summaries())).toEqual(incremental);

    // The live projector now writes to the new generation.
    const late = journey('after').registered('2024-01-01').startCare('2024-02-01');
    const written = await appendEvents(store, 'after', late.events);
    expect(await e.waitForPosition(written.globalPosition, 2000)).toBe(true);
    expect(e.summary('after')).toBeDefined();
  });

  it('keeps serving the previous read models while a rebuild runs', async () => {
    await appendInterleaved(store, sampleCohort(10));
    const e = engine(5);
    e.start();
    await caughtUp(e);
    const served: number[] = [];
    const states: string[] = [];
    await new Promise<void>((resolve, reject) =>
      e.rebuild().subscribe({
        next: (p) => {
          states.push(p.state);
          if (p.state === 'running') served.push([...e.summaries()].length);
        },
        error: reject,
        complete: resolve,
      }),
    );
    expect(served.every((n) => n === 10)).toBe(true);
    expect(states).toContain('switching');
  });

  it('reports lag as head minus checkpoint, and times out a read-your-writes wait it cannot meet', async () => {
    const [a] = sampleCohort(1);
    await appendEvents(store, a.childId, a.events);
    const reader = new ProjectionEngine(store, { file: readModelFile, mode: 'worker', batchSize: 10 });
    engines.push(reader);
    reader.start(); // a worker-mode reader never projects
    const lag = await reader.lag();
    expect(lag).toMatchObject({ checkpoint: null, projector: 'worker', lag: lag.head });
    expect(await reader.waitForPosition(1n, 50)).toBe(false);
  });
});
