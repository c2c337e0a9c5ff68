/**
 * What crosses between the API's main thread and its projector thread (structured clone only:
 * bigints cross as decimal strings, errors as their message).
 */
import type { StoreConfig } from '@care-journey/event-store';
import type { DriftConfig, ProjectorFailure, ProjectorState } from '@care-journey/projections';

/** Everything the thread needs to open the store and the read-model file and to project. */
export interface ProjectorThreadSettings {
  store: StoreConfig;
  readModelFile: string;
  batchSize: number;
  drift: DriftConfig;
  /** First wait before the projector retries after a failed batch (inside the thread); doubles per failure in a row. */
  restartDelayMs: number;
  /** Longest wait between the projector's retries. */
  maxRestartDelayMs?: number;
  /** How often the thread's SQLite subscription looks for new events (it gets no in-process signal). */
  pollIntervalMs: number;
  /** The thread's nice value (ReadModelConfig.projectorNice); 0 or absent: the API's own priority. */
  nice?: number;
  /**
   * How often the thread looks for a generation another process switched to (`care-journey rebuild`),
   * which an idle log brings no event to notice by (default DEFAULT_HEARTBEAT_MS; the provider passes
   * CARE_JOURNEY_PROJECTOR_HEARTBEAT_MS, apps/projector's interval for the same look).
   */
  generationCheckMs?: number;
}

/** From the thread to the API. */
export type ThreadMessage =
  /** The store and read models are open and the projector has started (catching up from `checkpoint`). */
  | { kind: 'ready'; checkpoint: string | null }
  /** A batch committed: the read models hold every event up to `checkpoint`. */
  | { kind: 'applied'; checkpoint: string }
  /**
   * The projector's state changed (`failed` carries the error; the projector retries by itself), or
   * the failure it keeps retrying did (`failure`: attempts, since when, the event it is stuck on).
   */
  | { kind: 'state'; state: ProjectorState; error?: string; failure?: ProjectorFailure }
  /** A log line; `error` for a failed batch (the API logs it at ERROR). */
  | { kind: 'log'; message: string; level?: 'error' }
  /** Stopped on request: what was received is applied and both files are closed. */
  | { kind: 'stopped' };

/** From the API to the thread. */
export type HostMessage = { kind: 'stop' };
