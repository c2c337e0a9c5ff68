/**
 * SIGKILL a process while it projects live and while it rebuilds (on one thread, and split across
 * two); after a restart the read models (summaries, checkpoint, change feed) equal a clean rebuild
 * from the log.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pollUntil } from '../e2e/support/poll';
import { type NewEvent } from '@care-journey/event-store';
import { partitionOf, SqliteEventStore } from '@care-journey/event-store/sqlite';
import { journeyStream } from '@care-journey/journey';
import { ProjectionEngine, ReadModelStore, type RebuildProgress } from '@care-journey/projections';
import {
  CAMBRIDGESHIRE,
  generateChild,
  runJourney,
  syntheticChildId,
  syntheticEventId,
} from '@care-journey/reporting';
import { spawnTs, waitForExit, waitForLine } from '../../libs/event-store/src/testing/spawn-ts';
import {
  checkpoints,
  childrenWithChanges,
  readSummaries,
  rebuildInto,
  servedCheckpoint,
  servedTables,
} from './support/read-model-compare';

const CHILD = resolve(__dirname, 'support/projections-child.ts');
const SEED = 'projections-sigkill';
const CHILDREN = 400;
/** Events (one per batch) a live child commits before it is killed: a few % of the log. */
const PROJECTED_BEFORE_KILL = 100;

function streams(from: number, to: number): { childId: string; envelopes: NewEvent[] }[] {
  const options = { children: CHILDREN, seed: SEED, years: 5, yearEnding: '2025-03-31', la: CAMBRIDGESHIRE };
  return Array.from({ length: to - from }, (_, k) => {
    const childId = syntheticChildId(SEED, from + k);
    const { envelopes } = runJourney(childId, generateChild(options, from + k).commands, (n) =>
      syntheticEventId(childId, n),
    );
    return { childId, envelopes };
  });
}

async function append(
  store: SqliteEventStore,
  journeys: { childId: string; envelopes: NewEvent[] }[],
): Promise<void> {
  for (const j of journeys)
    await store.appendToStream(journeyStream(j.childId), j.envelopes, { expectedRevision: 'any' });
}

/** "progress <state> <events done> <position>" (projections-child.ts). */
const progressOf = (line: string) => {
  const [, state, eventsDone, position] = line.split(' ');
  return { state, eventsDone: Number(eventsDone), position: Number(position) };
};

describe('faults: SIGKILL during projection and rebuild leaves read models equal to a clean rebuild', () => {
  let dir: string;
  let eventsFile: string;
  let store: SqliteEventStore;
  const later = streams(250, CHILDREN);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cj-faults-projections-'));
    eventsFile = join(dir, 'events.db');
    store = new SqliteEventStore({ file: eventsFile, pollIntervalMs: 5 });
    await append(store, streams(0, 250));
  }, 30_000);
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const spawned: ChildProcessWithoutNullStreams[] = [];
  const start = (args: string[], env?: Record<string, string>) => {
    const child = spawnTs(CHILD, args, env);
    spawned.push(child);
    return child;
  };
  // A failed wait must not leave a child running (jest would hang on it).
  afterEach(() => {
    for (const child of spawned.splice(0))
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });

  /**
   * Until a live child has committed `PROJECTED_BEFORE_KILL` events since it started (past the
   * checkpoint it printed with "ready"), polled in the file: the kill then lands mid-stream with
   * work done on a machine of any load, where a fixed wait could land before the first commit or
   * after the last. The child cannot say so itself (projections-child.ts).
   */
  const projectingPast = async (child: ChildProcessWithoutNullStreams, file: string): Promise<void> => {
    const ready = Number((await waitForLine(child, /^ready/, 20_000)).split(' ')[1]);
    const reached = await pollUntil(
      () => Promise.resolve(servedCheckpoint(file)),
      (checkpoint) => checkpoint >= ready + PROJECTED_BEFORE_KILL,
      { deadlineMs: 20_000, everyMs: 5 },
    );
    expect(reached).toBeGreaterThanOrEqual(ready + PROJECTED_BEFORE_KILL);
  };

  const kill = async (child: ChildProcessWithoutNullStreams) => {
    child.kill('SIGKILL');
    expect((await waitForExit(child)).signal).toBe('SIGKILL');
  };

  /** Restarts projection in this process, waits for the head, and compares with a clean rebuild. */
  async function restartAndCompare(readModelFile: string, cleanFile: string): Promise<void> {
    const engine = new ProjectionEngine(store, {
      file: readModelFile,
      mode: 'inline',
      batchSize: 100,
      restartDelayMs: 20,
    });
    try {
      engine.start();
      const head = await store.headPosition();
      const deadline = Date.now() + 15_000;
      while ((engine.checkpoint() ?? -1n) !== head && Date.now() < deadline) await sleep(10);
    } finally {
      await engine.close();
    }
    await rebuildInto(store, cleanFile);
    const after = readSummaries(readModelFile);
    const clean = readSummaries(cleanFile);
    expect(after.checkpoint).toBe(clean.checkpoint);
    expect(Object.keys(after.summaries)).toHaveLength(Object.keys(clean.summaries).length);
    expect(after.summaries).toEqual(clean.summaries);
    expect(changes(readModelFile)).toEqual(changes(cleanFile));
  }

  const changes = (file: string) => {
    const models = new ReadModelStore(file);
    try {
      return models.changesAfter(undefined, 1_000_000).changes;
    } finally {
      models.close();
    }
  };

  it('live projection: killed twice mid-stream (once while new journeys are appended), restarted', async () => {
    const readModels = join(dir, 'live.db');
    const checkpoint = () => Number(readSummaries(readModels).checkpoint ?? -1);
    // Batch of 1: one event per transaction, so the kills land between and inside many commits.
    const first = start(['live', eventsFile, readModels, '1']);
    const appending = append(store, later);
    await projectingPast(first, readModels);
    await kill(first);
    await appending;
    const firstAt = checkpoint();

    const second = start(['live', eventsFile, readModels, '1']);
    await projectingPast(second, readModels);
    await kill(second);
    const secondAt = checkpoint();
    const head = Number(await store.headPosition());
    process.stdout.write(
      `projections SIGKILL (live): killed at checkpoints ${firstAt} and ${secondAt} of ${head}\n`,
    );
    // Both kills cut the projection short (else the test would prove nothing).
    expect(firstAt).toBeLessThan(head);
    expect(secondAt).toBeLessThan(head);
    await restartAndCompare(readModels, join(dir, 'live-clean.db'));
  }, 60_000);

  it('rebuild: killed early and late in a rebuild, restarted, then a full rebuild still completes', async () => {
    const readModels = join(dir, 'live.db');
    const events = Number(await store.headPosition());
    for (const killAt of [1, Math.floor(events / 2)]) {
      const child = start(['rebuild', eventsFile, readModels, '25']);
      const line = await waitForLine(
        child,
        (l) =>
          l.startsWith('rebuilt') || (l.startsWith('progress running') && progressOf(l).eventsDone >= killAt),
        20_000,
      );
      await kill(child);
      expect(line).not.toBe('rebuilt');
    }
    await restartAndCompare(readModels, join(dir, 'rebuild-clean.db'));

    expect((await rebuildInto(store, readModels)).state).toBe('done');
    expect(readSummaries(readModels)).toEqual(readSummaries(join(dir, 'rebuild-clean.db')));
  }, 60_000);

  it('partitioned rebuild: killed while both threads write, the served generation stays; the next rebuild equals a clean one', async () => {
    const readModels = join(dir, 'partitioned.db');
    await rebuildInto(store, readModels);
    const served = servedTables(readModels);
    const before = checkpoints(readModels);
    const share = [0, 0];
    for await (const event of store.readAll()) share[partitionOf(event.streamId, 2)]++;
    const events = share[0] + share[1];
    // Two threads, and a threshold this log passes (the default, 50,000 a thread, it does not).
    const settings = { CARE_JOURNEY_REBUILD_THREADS: '2', CARE_JOURNEY_REBUILD_MIN_EVENTS_PER_THREAD: '100' };

    const child = start(['settings-rebuild', eventsFile, readModels, '25'], settings);
    // Split, each thread reads its children one after another and the position stays 0 until both
    // are done; more events done than either thread's share means both have written.
    const bothWriting = (done: number): boolean => done > Math.max(...share) && done < events;
    const line = await waitForLine(
      child,
      (l) => !l.startsWith('progress running') || bothWriting(progressOf(l).eventsDone),
      90_000,
    );
    await kill(child);
    process.stdout.write(
      `projections SIGKILL (partitioned rebuild): killed at "${line}" of ${events} events (${share.join(' + ')} by thread)\n`,
    );
    expect(line).toMatch(/^progress running/);
    expect(progressOf(line).eventsDone).toBeLessThan(events);

    // It ran split: the new generation holds children of both threads' shares and was never
    // checkpointed (one thread checkpoints every batch; a split rebuild once all threads are done).
    const after = checkpoints(readModels);
    const abandoned = after[after.length - 1];
    expect(after).toEqual([...before, { generation: abandoned.generation, position: null }]);
    const written = childrenWithChanges(readModels, abandoned.generation);
    expect(new Set(written.map((childId) => partitionOf(journeyStream(childId), 2)))).toEqual(
      new Set([0, 1]),
    );
    // What is served is as it was.
    expect(servedTables(readModels)).toEqual(served);

    // The next rebuild, through the engine as the API runs it (the threshold from the environment),
    // is split again, completes, and equals a clean rebuild on one thread.
    const progress: RebuildProgress[] = [];
    process.env.CARE_JOURNEY_REBUILD_MIN_EVENTS_PER_THREAD = '100';
    try {
      const done = await rebuildInto(store, readModels, { rebuildThreads: 2 }, (p) => progress.push(p));
      expect(done.state).toBe('done');
    } finally {
      delete process.env.CARE_JOURNEY_REBUILD_MIN_EVENTS_PER_THREAD;
    }
    // Split, the first report of events done is at position 0 (a thread has applied nothing yet);
    // on one thread it is at the batch's last event.
    expect(progress.find((p) => p.eventsDone > 0)?.position).toBe('0');
    const clean = join(dir, 'partitioned-clean.db');
    await rebuildInto(store, clean);
    const rebuilt = servedTables(readModels);
    expect(Object.keys(rebuilt).sort()).toEqual(['checkpoint', 'child_changes', 'child_summaries']);
    expect(rebuilt).toEqual(servedTables(clean));
    expect(checkpoints(readModels).map((c) => c.position)).not.toContain(null);
  }, 150_000);
});
