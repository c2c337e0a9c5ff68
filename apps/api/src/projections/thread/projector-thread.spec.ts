/**
 * The projector thread on real files: a SQLite event store written on this thread, the read models
 * projected by the thread (projector-thread.worker.ts, compiled from TypeScript by its bootstrap).
 */
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { journeyStream } from '@care-journey/journey';
import { DEFAULT_DRIFT_CONFIG, ProjectionEngine } from '@care-journey/projections';
import { eventually } from '../../../../../libs/projections/src/testing/log-fixtures';
import { projectionHealthStatus } from '../../health/projection-health-status';
import { ThreadProjection } from '../live-projection';
import { registrationInCare } from '../testing/registration-in-care';
import { ProjectorThread, type ProjectorThreadOptions } from './projector-thread';
import type { ProjectorThreadSettings } from './projector-thread.wire';

jest.setTimeout(60_000);
/**
 * The bound of a wait for the thread to get somewhere (start, catch up, fail, restart): 5 s was the
 * in-band list's reason for this file, and a thread's start alone can take seconds at load 20+.
 * Met waits end at once; only a wait that must time out (a position never written) stays short.
 */
const CAUGHT_UP_MS = 20_000;

describe('projector thread (CARE_JOURNEY_PROJECTIONS=thread)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let logs: string[];
  const closers: (() => Promise<void>)[] = [];

  const settings = (overrides: Partial<ProjectorThreadSettings> = {}): ProjectorThreadSettings => ({
    store: { kind: 'sqlite', file: join(dir, 'events.db'), synchronous: 'NORMAL' },
    readModelFile: join(dir, 'read-models.db'),
    batchSize: 100,
    drift: DEFAULT_DRIFT_CONFIG,
    restartDelayMs: 50,
    pollIntervalMs: 5,
    ...overrides,
  });
  const log: ProjectorThreadOptions['log'] = {
    log: (message) => logs.push(message),
    error: (message) => logs.push(`ERROR ${message}`),
  };
  const live = (options: Partial<ProjectorThreadOptions> = {}) => {
    const s = options.settings ?? settings();
    const engine = new ProjectionEngine(store, { file: s.readModelFile, mode: 'worker', batchSize: 100 });
    const thread = new ProjectorThread({ settings: s, log, ...options });
    const projection = new ThreadProjection(engine, thread);
    closers.push(() => projection.close());
    return { engine, thread, projection };
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-projector-thread-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db'), synchronous: 'NORMAL' });
    logs = [];
  });

  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('projects what the store holds and what is appended after; a wait ends when the thread has committed the position', async () => {
    await store.appendToStream(journeyStream('c1'), registrationInCare('c1'), {
      expectedRevision: 'no_stream',
    });
    const { engine, thread, projection } = live();
    const applied: bigint[] = [];
    thread.onApplied((checkpoint) => applied.push(checkpoint));
    await projection.start();
    expect(thread.state).toBe('running');

    expect(await projection.waitForPosition(2n, CAUGHT_UP_MS)).toBe(true);
    const { globalPosition: position } = await store.appendToStream(
      journeyStream('c2'),
      registrationInCare('c2'),
      {
        expectedRevision: 'no_stream',
      },
    );
    expect(await projection.waitForPosition(position, CAUGHT_UP_MS)).toBe(true);
    expect(engine.summary('c2')?.childRef).toBe('REF-c2');
    expect(applied.at(-1)).toBe(position);

    expect(await projection.lag()).toMatchObject({
      checkpoint: '4',
      head: '4',
      lag: '0',
      projector: 'running',
      mode: 'thread',
      thread: { restarts: 0 },
    });
    // A position nobody wrote: false at the timeout, not before.
    const started = Date.now();
    expect(await projection.waitForPosition(99n, 150)).toBe(false);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  // Linux schedules threads one by one: the thread lowers its own priority, the API's threads keep theirs.
  const onLinux = existsSync('/proc/thread-self') ? it : it.skip;
  onLinux(
    'runs at CARE_JOURNEY_PROJECTOR_NICE: its own thread alone, said in its start-up line',
    async () => {
      // A task's nice value is the 19th field of /proc/<pid>/task/<tid>/stat (after the name in brackets).
      const niceOf = (tid: string): number =>
        Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ')[16]);
      const threadsAt = (nice: number) =>
        readdirSync('/proc/self/task').filter((tid) => niceOf(tid) === nice);
      const before = threadsAt(7);
      const { projection } = live({ settings: settings({ nice: 7 }) });
      await projection.start();
      const line = 'the projector thread runs at nice 7 (CARE_JOURNEY_PROJECTOR_NICE)';
      await eventually(() => logs.includes(line), CAUGHT_UP_MS);
      expect(threadsAt(7).filter((tid) => !before.includes(tid))).toHaveLength(1);
      expect(niceOf(String(process.pid))).toBe(0);
    },
  );

  it('stops cleanly: applies what it received, ends the thread, and a new thread resumes at the checkpoint', async () => {
    const first = live();
    await first.projection.start();
    const { globalPosition: position } = await store.appendToStream(
      journeyStream('c1'),
      registrationInCare('c1'),
      {
        expectedRevision: 'no_stream',
      },
    );
    expect(await first.projection.waitForPosition(position, CAUGHT_UP_MS)).toBe(true);
    await first.projection.close();
    expect(first.thread.state).toBe('stopped');

    await store.appendToStream(journeyStream('c2'), registrationInCare('c2'), {
      expectedRevision: 'no_stream',
    });
    const second = live();
    await second.projection.start();
    expect(await second.projection.waitForPosition(4n, CAUGHT_UP_MS)).toBe(true);
    expect(second.engine.summary('c1')?.childRef).toBe('REF-c1');
    expect(second.engine.summary('c2')?.childRef).toBe('REF-c2');
  });

  it('fails start-up loudly when the thread cannot open its files', async () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a directory');
    const thread = new ProjectorThread({
      settings: settings({ readModelFile: join(blocker, 'read-models.db') }),
      log,
    });
    await expect(thread.start()).rejects.toThrow(/The projector thread could not start: .*(ENOTDIR|EEXIST)/);
    await thread.stop();
  });

  it('reports a failed batch at health (the projector retries by itself) and recovers after a rebuild', async () => {
    const { engine, projection } = live();
    await projection.start();
    await store.appendToStream(journeyStream('c1'), registrationInCare('c1'), {
      expectedRevision: 'no_stream',
    });
    expect(await projection.waitForPosition(2n, CAUGHT_UP_MS)).toBe(true);

    // Break the served generation under the thread: its next batch cannot write the change log.
    const db = new Database(join(dir, 'read-models.db'));
    db.exec('DROP TABLE child_changes_g1');
    db.close();
    await store.appendToStream(journeyStream('c2'), registrationInCare('c2'), {
      expectedRevision: 'no_stream',
    });
    // The retry applies the failed batch's events one at a time: c2's registration (3) goes in,
    // and the failure names the event that cannot (4, the one writing the change log).
    // Polled until the failure names the event, which the one-at-a-time retry does. Health no longer
    // says 'running' while a retry is in flight (steady-projector-state.ts); `failed` is polled too
    // because event 3's batch ends the first failure just before event 4 starts the next one.
    let failed = await projection.lag();
    await eventually(async () => {
      failed = await projection.lag();
      return failed.failure?.event !== undefined && failed.projector === 'failed';
    }, CAUGHT_UP_MS);
    expect(failed).toMatchObject({
      checkpoint: '3',
      head: '4',
      lag: '1',
      mode: 'thread',
      projector: 'failed',
      failure: { event: { streamId: 'journey-c2', globalPosition: '4' }, error: { name: 'SqliteError' } },
    });
    expect(failed.thread?.error).toMatch(/child_changes_g1/);
    // At ERROR, so a log alert fires (review s12-ops F11).
    expect(logs.some((line) => line.startsWith('ERROR projection failed, checkpoint kept'))).toBe(true);
    expect(await projection.waitForPosition(4n, 100)).toBe(false);

    // A rebuild (on this thread, as POST /admin/rebuild runs it) switches generations; the thread's
    // next retry starts on the new one.
    await engine.rebuildAndWait();
    expect(await projection.waitForPosition(4n, CAUGHT_UP_MS)).toBe(true);
    await store.appendToStream(journeyStream('c3'), registrationInCare('c3'), {
      expectedRevision: 'no_stream',
    });
    expect(await projection.waitForPosition(6n, CAUGHT_UP_MS)).toBe(true);
    await eventually(async () => (await projection.lag()).projector === 'running', CAUGHT_UP_MS);
    expect(engine.summary('c3')?.childRef).toBe('REF-c3');
  });

  it('Given an idle log, When another process (the CLI) rebuilds into a new generation, Then the thread moves to it without waiting for an event', async () => {
    await store.appendToStream(journeyStream('c1'), registrationInCare('c1'), {
      expectedRevision: 'no_stream',
    });
    const { projection } = live({ settings: settings({ generationCheckMs: 50 }) });
    await projection.start();
    expect(await projection.waitForPosition(2n, CAUGHT_UP_MS)).toBe(true);

    const cli = new ProjectionEngine(store, {
      file: join(dir, 'read-models.db'),
      mode: 'worker',
      batchSize: 100,
      rebuildThreads: 1,
    });
    const rebuilt = await cli.rebuildAndWait();
    await cli.close();
    expect(rebuilt.generation).toBe(2);

    // No event is appended: only the thread's own look at the served generation can see the switch.
    await eventually(
      () => logs.includes('the read models switched to generation 2 (was 1): resuming from its checkpoint'),
      5_000,
    );
    const { globalPosition } = await store.appendToStream(journeyStream('c2'), registrationInCare('c2'), {
      expectedRevision: 'no_stream',
    });
    expect(await projection.waitForPosition(globalPosition, CAUGHT_UP_MS)).toBe(true);
    expect(logs.some((line) => /GenerationChanged|generation changed/i.test(line))).toBe(false);
  });

  it('Given a store unreachable at the first subscribe and an idle log, When the retry subscribes and finds nothing new, Then health says running again, without the failure', async () => {
    await store.appendToStream(journeyStream('c1'), registrationInCare('c1'), {
      expectedRevision: 'no_stream',
    });
    // An earlier run projected the log: nothing is left to apply after the restart.
    const earlier = new ProjectionEngine(store, {
      file: settings().readModelFile,
      mode: 'inline',
      batchSize: 100,
    });
    earlier.start();
    await eventually(async () => (await earlier.lag()).checkpoint === '2', CAUGHT_UP_MS);
    await earlier.close();

    // A retry after 1 s: long enough for the failure to be seen here at any load.
    const { projection } = live({
      settings: settings({ restartDelayMs: 1_000 }),
      workerModule: 'testing/unreachable-once-projector.fixture',
    });
    await projection.start();
    await eventually(async () => (await projection.lag()).projector === 'failed', CAUGHT_UP_MS);
    expect((await projection.lag()).failure?.error.detail).toMatch(/event store unreachable \(fixture\)/);

    await eventually(async () => (await projection.lag()).projector === 'running', CAUGHT_UP_MS);
    const lag = await projection.lag();
    expect(lag).toMatchObject({ checkpoint: '2', head: '2', lag: '0', mode: 'thread' });
    expect(lag.failure).toBeUndefined();
    expect(lag.thread?.error).toBeUndefined();
    expect(projectionHealthStatus(lag)).toBe(200);
  });

  it('starts a new thread when the thread dies, backing off, and reports it', async () => {
    const counter = join(dir, 'starts');
    writeFileSync(counter, '0');
    const thread = new ProjectorThread({
      settings: { counter, deaths: 2 } as unknown as ProjectorThreadSettings,
      workerModule: 'testing/dying-projector.fixture',
      log,
      restartDelayMs: 30,
    });
    closers.push(() => thread.stop());
    await thread.start();
    await eventually(() => thread.state === 'failed', CAUGHT_UP_MS);
    expect(thread.health()).toMatchObject({ restarts: 0, error: 'fixture death 1' });
    expect(
      logs.some((line) =>
        /ERROR the projector thread died \(fixture death 1\); starting a new one in 30 ms/.test(line),
      ),
    ).toBe(true);
    await eventually(() => thread.health().restarts === 2 && thread.state === 'running', CAUGHT_UP_MS);
    expect(thread.health()).toMatchObject({ restarts: 2, lastDeath: { error: 'fixture death 2' } });
    expect(thread.health().error).toBeUndefined();
    await thread.stop();
    expect(thread.state).toBe('stopped');
  });
});
