/**
 * A running rebuild writes its progress into the read-model file, so another process (an API while
 * `care-journey rebuild` runs) reports it, and tells a dead one from a live one.
 */
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { appendEvents, sampleCohort, tempDir } from '../testing/log-fixtures';
import { ProjectionEngine, RebuildRunningElsewhere } from './projection-engine';
import { ReadModelStore } from './read-model-store';
import type { RebuildProgress } from './rebuild';
import {
  RUNNING_RECORD_STALE_MS,
  RunningRebuildRecorder,
  runningRebuildSeenBy,
  type RunningRebuildRecord,
} from './running-rebuild';

const progress = (over: Partial<RebuildProgress> = {}): RebuildProgress => ({
  state: 'running',
  phase: 'replay',
  generation: 2,
  eventsDone: 10,
  position: '10',
  head: '40',
  percent: 25,
  eventsPerSecond: 100,
  threads: 1,
  etaSeconds: 3,
  startedAt: '2026-11-27T09:00:00.000Z',
  by: { process: 'cli', pid: 4242 },
  ...over,
});

const record = (over: Partial<RunningRebuildRecord> = {}): RunningRebuildRecord => ({
  ...progress(),
  updatedAt: '2026-11-27T09:00:01.000Z',
  host: 'here',
  ...over,
});

/** A pid that was just used and has exited. */
const deadPid = (): number => spawnSync(process.execPath, ['-e', '']).pid;

describe('RunningRebuildRecorder', () => {
  it('Given progress every 100 ms, When the interval is 1 s, Then it writes the first, forced ones and one a second', () => {
    let now = 0;
    const written: RunningRebuildRecord[] = [];
    const recorder = new RunningRebuildRecorder(
      (r) => written.push(r),
      () => now,
      1_000,
    );
    for (let i = 0; i < 25; i++) {
      recorder.record(progress({ eventsDone: i }));
      now += 100;
    }
    expect(written.map((r) => r.eventsDone)).toEqual([0, 10, 20]);
    recorder.record(progress({ phase: 'index', eventsDone: 25 }), true);
    expect(written.at(-1)).toMatchObject({ phase: 'index', eventsDone: 25, host: hostname() });
    expect(written.at(-1)?.updatedAt).toBe(new Date(now).toISOString());
  });

  it('Given the file is busy, Then the rebuild goes on (the write is retried at the next interval)', () => {
    const recorder = new RunningRebuildRecorder(
      () => {
        throw new Error('SQLITE_BUSY');
      },
      () => 0,
    );
    expect(() => recorder.record(progress(), true)).not.toThrow();
  });
});

describe('runningRebuildSeenBy', () => {
  const observer = { host: 'here', pid: 1, now: Date.parse('2026-11-27T09:00:02.000Z') };

  it("is silent about the observer's own rebuild (it reports its live progress itself)", () => {
    expect(
      runningRebuildSeenBy(record({ by: { process: 'api', pid: 1 } }), { ...observer, isAlive: () => true }),
    ).toBeUndefined();
  });

  it('Given the process on this host is alive, Then it is reported running as recorded', () => {
    expect(runningRebuildSeenBy(record(), { ...observer, isAlive: () => true })).toEqual(record());
  });

  it('Given the process on this host is gone, Then it is reported abandoned, saying so', () => {
    const seen = runningRebuildSeenBy(record(), { ...observer, isAlive: () => false });
    expect(seen).toMatchObject({ state: 'abandoned', eventsDone: 10, by: { process: 'cli', pid: 4242 } });
    expect(seen?.abandoned).toMatch(/process 4242 \(cli\) is gone/);
  });

  it('Given another host (its pid cannot be checked), Then abandoned only once it has not written for a while', () => {
    const never = () => {
      throw new Error('a pid of another host is not looked up');
    };
    const there = record({ host: 'container-b' });
    expect(runningRebuildSeenBy(there, { ...observer, isAlive: never })?.state).toBe('running');
    const later = observer.now + RUNNING_RECORD_STALE_MS + 1_000;
    const seen = runningRebuildSeenBy(there, { ...observer, now: later, isAlive: never });
    expect(seen?.state).toBe('abandoned');
    expect(seen?.abandoned).toMatch(/no progress written for \d+ s by cli \(pid 4242, another host\)/);
  });

  it('Given this host and a live pid (perhaps reused) but no progress for a long while, Then abandoned', () => {
    const later = observer.now + RUNNING_RECORD_STALE_MS + 1_000;
    const seen = runningRebuildSeenBy(record(), { ...observer, now: later, isAlive: () => true });
    expect(seen).toMatchObject({ state: 'abandoned', abandoned: expect.stringMatching(/pid 4242\)/) });
  });
});

describe('the running rebuild in the read-model file', () => {
  let temp: ReturnType<typeof tempDir>;
  let store: SqliteEventStore;
  let file: string;
  const engines: ProjectionEngine[] = [];
  const engine = (): ProjectionEngine => {
    const e = new ProjectionEngine(store, {
      file,
      mode: 'worker',
      batchSize: 5,
      rebuildThreads: 1,
      process: 'cli',
    });
    engines.push(e);
    return e;
  };

  beforeEach(async () => {
    temp = tempDir('cj-running-rebuild-');
    store = new SqliteEventStore({ file: join(temp.dir, 'events.db') });
    file = join(temp.dir, 'read-models.db');
    for (const child of sampleCohort(3)) await appendEvents(store, child.childId, child.events);
  });
  afterEach(async () => {
    for (const e of engines.splice(0)) await e.close();
    await store.close();
    temp.remove();
  });

  it('Given a rebuild runs, Then another connection to the file reads its progress; after the switch, none is running', async () => {
    const reader = new ReadModelStore(file);
    const seen: (RunningRebuildRecord | undefined)[] = [];
    try {
      const done = await engine().rebuildAndWait(() =>
        seen.push(reader.rebuildInProgress<RunningRebuildRecord>()),
      );
      expect(seen[0]).toMatchObject({
        state: 'running',
        phase: 'replay',
        generation: done.generation,
        by: { process: 'cli', pid: process.pid },
        host: hostname(),
      });
      expect(seen.map((r) => r?.phase)).toEqual(expect.arrayContaining(['replay', 'index', 'switch']));
      expect(reader.rebuildInProgress()).toBeUndefined();
      expect(reader.servedRebuild()).toEqual(done);
    } finally {
      reader.close();
    }
  });

  /** What a CLI rebuild in another process leaves in the file as it runs (or when it is killed). */
  const otherProcessRebuilding = (pid: number): number => {
    const readModels = new ReadModelStore(file);
    try {
      const generation = readModels.createGeneration();
      readModels.recordRebuildProgress(
        generation,
        record({
          generation,
          by: { process: 'cli', pid },
          host: hostname(),
          updatedAt: new Date().toISOString(),
        }),
      );
      return generation;
    } finally {
      readModels.close();
    }
  };

  it('Given another live process is rebuilding, Then lag and status report it, and a rebuild here is refused', async () => {
    const api = engine();
    const generation = otherProcessRebuilding(process.ppid);
    expect((await api.lag()).rebuilding).toMatchObject({
      state: 'running',
      generation,
      by: { process: 'cli', pid: process.ppid },
    });
    expect(api.rebuildStatus()).toMatchObject({ state: 'running', generation });
    await expect(api.rebuildAndWait()).rejects.toBeInstanceOf(RebuildRunningElsewhere);
    expect((await api.lag()).rebuilding).toMatchObject({ state: 'running', generation });
  });

  it('Given the rebuilding process died, Then it is reported abandoned, and the next rebuild replaces it', async () => {
    const api = engine();
    const pid = deadPid();
    otherProcessRebuilding(pid);
    const lag = await api.lag();
    expect(lag.rebuilding).toMatchObject({ state: 'abandoned', by: { pid } });
    const done = await api.rebuildAndWait();
    expect(done.state).toBe('done');
    expect((await api.lag()).rebuilding).toBeUndefined();
  });
});
