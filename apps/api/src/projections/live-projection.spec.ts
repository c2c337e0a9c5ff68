/**
 * The `projector` field of /health/projections while a failed batch is retried: `failed` in every
 * mode until an attempt succeeds, with the failure (its error, its next attempt). Between two
 * retries the projector itself is `running` again while it keeps the failure: the inline engine
 * and the thread said so, the worker's heartbeat said `failed` (session 20). Each mode is fed that
 * in-between moment here, so the outcome does not depend on when a read falls.
 */
import {
  ProjectionEngine,
  type ProjectionLag,
  type ProjectorFailure,
  type ProjectorHeartbeat,
  type ProjectorState,
} from '@care-journey/projections';
import { EngineProjection, ThreadProjection } from './live-projection';
import type { ProjectorThread, ProjectorThreadHealth } from './thread/projector-thread';

const NOW = new Date();

const failure: ProjectorFailure = {
  attempts: 3,
  since: new Date(NOW.getTime() - 7_000).toISOString(),
  lastAttemptAt: new Date(NOW.getTime() - 3_000).toISOString(),
  nextAttemptAt: new Date(NOW.getTime() + 1_000).toISOString(),
  event: { id: 'e-4', type: 'ChildRegistered', streamId: 'journey-c2', revision: '0', globalPosition: '4' },
  error: { name: 'SqliteError', message: 'withheld', detail: 'SqliteError: no such table: child_changes_g1' },
};

const lagOf = (projector: ProjectionLag['projector'], kept?: ProjectorFailure): ProjectionLag => ({
  checkpoint: '3',
  head: '4',
  lag: '1',
  generation: 1,
  projector,
  ...(kept && { failure: kept }),
});

/** The engine as a projection reads it: its lag, and in worker mode apps/projector's heartbeat. */
function engineSaying(lag: ProjectionLag, heartbeat?: ProjectorHeartbeat): ProjectionEngine {
  const engine: Pick<ProjectionEngine, 'lag' | 'projectorHeartbeat'> = {
    lag: () => Promise.resolve(lag),
    projectorHeartbeat: () => heartbeat,
  };
  return engine as ProjectionEngine;
}

/** The thread as ThreadProjection reads it, in the state its worker last posted. */
function threadSaying(state: ProjectorState, kept?: ProjectorFailure, error?: string): ProjectorThread {
  const thread: Pick<ProjectorThread, 'state' | 'failure' | 'health' | 'onApplied'> = {
    state,
    failure: kept,
    health: (): ProjectorThreadHealth => ({ restarts: 0, ...(error !== undefined && { error }) }),
    onApplied: () => () => true,
  };
  return thread as ProjectorThread;
}

const heartbeat = (state: ProjectorState, kept?: ProjectorFailure): ProjectorHeartbeat => ({
  pid: 4242,
  host: 'projector-host',
  state,
  ...(kept && { failure: kept }),
  generation: 1,
  intervalMs: 5_000,
  // Stamped when the beat is made, not at module load: a beat older than 3 intervals reads
  // `stale`, which a test starting 15 s after load (a loaded machine) would see (review s20 diff F8).
  updatedAt: new Date().toISOString(),
});

describe('the projector field while a failed batch is retried (the same in every mode)', () => {
  const retrying = {
    projector: 'failed',
    failure: { nextAttemptAt: failure.nextAttemptAt, error: failure.error },
  };

  it('inline: failed after the failure and while the next attempt runs (state running, failure kept); running once one succeeds', async () => {
    const failedNow = await new EngineProjection(engineSaying(lagOf('failed', failure)), 'inline').lag();
    const betweenRetries = await new EngineProjection(
      engineSaying(lagOf('running', failure)),
      'inline',
    ).lag();
    const recovered = await new EngineProjection(engineSaying(lagOf('running')), 'inline').lag();
    expect(failedNow).toMatchObject(retrying);
    expect(betweenRetries).toMatchObject(retrying);
    expect(recovered.projector).toBe('running');
    expect(recovered.failure).toBeUndefined();
  });

  it('thread: failed with the last error while the next attempt runs (the thread then names none); running once one succeeds', async () => {
    const engine = engineSaying(lagOf('worker'));
    const failedNow = await new ThreadProjection(
      engine,
      threadSaying('failed', failure, 'SqliteError: x'),
    ).lag();
    const betweenRetries = await new ThreadProjection(engine, threadSaying('running', failure)).lag();
    const recovered = await new ThreadProjection(engine, threadSaying('running')).lag();
    expect(failedNow).toMatchObject({ ...retrying, thread: { error: 'SqliteError: x' } });
    expect(betweenRetries).toMatchObject({ ...retrying, thread: { error: failure.error.detail } });
    expect(recovered.projector).toBe('running');
    expect(recovered.thread).toEqual({ restarts: 0 });
  });

  it('thread: a dead thread (no failure kept) stays failed with its own error; a stopped one stays stopped', async () => {
    const engine = engineSaying(lagOf('worker'));
    const dead = await new ThreadProjection(
      engine,
      threadSaying('failed', undefined, 'exited with code 1'),
    ).lag();
    expect(dead).toMatchObject({ projector: 'failed', thread: { error: 'exited with code 1' } });
    const stopped = await new ThreadProjection(engine, threadSaying('stopped', failure)).lag();
    expect(stopped.projector).toBe('stopped');
  });

  it('worker: failed from the heartbeat while the next attempt runs, as from the failure stored in the file; running once one succeeds', async () => {
    const worker = (state: ProjectorState, kept?: ProjectorFailure, stored?: ProjectorFailure) =>
      new EngineProjection(engineSaying(lagOf('worker', stored), heartbeat(state, kept)), 'worker').lag();
    expect(await worker('failed', failure, failure)).toMatchObject(retrying);
    expect(await worker('running', failure, failure)).toMatchObject(retrying);
    // A beat written before the failure, the failure already stored: failed all the same.
    expect(await worker('running', undefined, failure)).toMatchObject(retrying);
    expect((await worker('running')).projector).toBe('running');
  });
});
