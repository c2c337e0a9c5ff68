/**
 * Read-model settings, read from the environment once at start-up:
 * - CARE_JOURNEY_READMODEL_FILE: the read-model SQLite file. Default: `<store file>.read-models.db` beside a
 *   SQLite event store (./data/care-journey.db.read-models.db for the default store), else
 *   ./data/read-models.db. Disposable: it can always be rebuilt from the event log.
 * - CARE_JOURNEY_PROJECTIONS: `thread` (default; the API runs the projector on a worker thread of
 *   its own), `inline` (on the API's event loop) or `worker` (a separate apps/projector process writes
 *   the file and the API only reads it). Read by `projectionsModeFromEnv`, the one parser: the API's
 *   config and this one agree. apps/projector and the CLI write or rebuild whatever it says.
 * - CARE_JOURNEY_PROJECTION_BATCH: most events applied per transaction (default 500).
 * - CARE_JOURNEY_READ_YOUR_WRITES_TIMEOUT_MS: longest a query waits for `minPosition` (default 5000).
 * - CARE_JOURNEY_DRIFT_THRESHOLDS: JSON overrides of the drift thresholds, e.g. {"DR07":{"days":365}}.
 * - CARE_JOURNEY_REBUILD_THREADS: worker threads a full rebuild splits the children across (default 2,
 *   or 1 on a single core; 1 = on the calling thread). Only with a SQLite event store, a read-model
 *   file (not :memory:) and at least CARE_JOURNEY_REBUILD_MIN_EVENTS_PER_THREAD events per thread;
 *   otherwise one thread.
 * - CARE_JOURNEY_PROJECTOR_RETRY_MS: the projector's first wait before retrying a failed batch (default
 *   1000); each failure in a row doubles it, up to CARE_JOURNEY_PROJECTOR_RETRY_MAX_MS (default 300000).
 * - CARE_JOURNEY_REBUILD_MIN_EVENTS_PER_THREAD: fewest events per thread a rebuild splits for
 *   (default 50,000, MIN_EVENTS_PER_THREAD: below it a thread's start-up costs more than it saves).
 * - CARE_JOURNEY_PROJECTOR_HEARTBEAT_MS: how often apps/projector writes its heartbeat into the file
 *   and looks for a generation another process switched to (default 5000; projector-heartbeat.ts).
 * - CARE_JOURNEY_PROJECTOR_STALE_INTERVALS: missed heartbeat intervals after which the API in worker
 *   mode reports the projector `stale` (default 3).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { StoreConfig } from '@care-journey/event-store';
import { driftConfig, type DriftConfig, type DriftConfigOverrides } from '../rules/drift-config';
import { defaultRebuildThreads, MIN_EVENTS_PER_THREAD } from './partitioned-rebuild';
import { DEFAULT_RETRY_DELAYS, type RetryDelays } from './projector-retry';
import { DEFAULT_HEARTBEAT_MS, DEFAULT_STALE_INTERVALS } from './projector-heartbeat';

export type ProjectionsMode = 'inline' | 'thread' | 'worker';

export interface ReadModelConfig {
  file: string;
  mode: ProjectionsMode;
  batchSize: number;
  readYourWritesTimeoutMs: number;
  drift: DriftConfig;
  rebuildThreads: number;
  rebuildMinEventsPerThread: number;
  /** The live projector's waits between retries of a failed batch (projector-retry.ts). */
  retry: RetryDelays;
  /** The worker projector's heartbeat (projector-heartbeat.ts). */
  heartbeat: HeartbeatSettings;
  /**
   * The projector thread's nice value (CARE_JOURNEY_PROJECTOR_NICE, 0–19; thread mode on Linux):
   * above 0, when the cores are contended, acknowledging writes comes before catching the read
   * models up. 0 by default: on a machine shared with other work, a lowered thread also yields to
   * every other process, and pages waiting for what was just recorded (minPosition) time out.
   */
  projectorNice: number;
}

/** CARE_JOURNEY_PROJECTOR_NICE's default (see ReadModelConfig.projectorNice). */
export const DEFAULT_PROJECTOR_NICE = 0;

export interface HeartbeatSettings {
  /** How often apps/projector writes it (ms). */
  intervalMs: number;
  /** Missed intervals after which a reader reports the projector stale. */
  staleIntervals: number;
}

export const DEFAULT_READMODEL_FILE = './data/read-models.db';

/** The two path settings the start-up checks name (store-files.ts, read-model-store-owner.ts). */
export const SQLITE_FILE_VARIABLE = 'CARE_JOURNEY_SQLITE_FILE';
export const READMODEL_FILE_VARIABLE = 'CARE_JOURNEY_READMODEL_FILE';

/** A setting the projections cannot start with; names the variable and the rule. */
export class ReadModelConfigError extends Error {
  override readonly name = 'ReadModelConfigError';
  constructor(
    readonly variable: string,
    readonly rule: string,
  ) {
    super(`${variable}: ${rule}`);
  }
}

type Env = Record<string, string | undefined>;

const read = (env: Env, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

/** CARE_JOURNEY_PROJECTOR_NICE: a whole number 0–19 (setpriority(2) allows an unprivileged process to raise it). */
export function projectorNiceFromEnv(env: Env = process.env): number {
  const name = 'CARE_JOURNEY_PROJECTOR_NICE';
  const raw = read(env, name);
  if (raw === undefined) return DEFAULT_PROJECTOR_NICE;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value > 19)
    throw new ReadModelConfigError(
      name,
      `must be a whole number 0–19 (0: the API's own priority), got "${raw}"`,
    );
  return value;
}

function positiveInteger(env: Env, name: string, fallback: number): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new ReadModelConfigError(name, `must be a whole number >= 1, got "${raw}"`);
  return value;
}

/** CARE_JOURNEY_DRIFT_THRESHOLDS over the defaults: the projector's change log uses these too. */
export function driftConfigFromEnv(env: Env = process.env): DriftConfig {
  const overrides = driftOverrides(env);
  try {
    return driftConfig(overrides);
  } catch (error) {
    // An unknown rule or key, or a number <= 0: named with the variable, as start-up reports it.
    throw new ReadModelConfigError('CARE_JOURNEY_DRIFT_THRESHOLDS', (error as Error).message);
  }
}

function driftOverrides(env: Env): DriftConfigOverrides {
  const raw = read(env, 'CARE_JOURNEY_DRIFT_THRESHOLDS');
  if (raw === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      throw new Error('not an object');
    return parsed as DriftConfigOverrides;
  } catch (error) {
    throw new ReadModelConfigError(
      'CARE_JOURNEY_DRIFT_THRESHOLDS',
      `must be a JSON object such as {"DR07":{"days":365}} (${String(error)})`,
    );
  }
}

/** CARE_JOURNEY_REBUILD_THREADS, else two threads where there are two cores. */
export const rebuildThreadsFromEnv = (env: Env = process.env): number =>
  positiveInteger(env, 'CARE_JOURNEY_REBUILD_THREADS', defaultRebuildThreads());

/** CARE_JOURNEY_REBUILD_MIN_EVENTS_PER_THREAD, else MIN_EVENTS_PER_THREAD. */
export const rebuildMinEventsPerThreadFromEnv = (env: Env = process.env): number =>
  positiveInteger(env, 'CARE_JOURNEY_REBUILD_MIN_EVENTS_PER_THREAD', MIN_EVENTS_PER_THREAD);

/** CARE_JOURNEY_PROJECTOR_RETRY_MS and _MAX_MS; a cap below the first wait is refused naming both. */
export function retryDelaysFromEnv(env: Env = process.env): RetryDelays {
  const firstDelayMs = positiveInteger(
    env,
    'CARE_JOURNEY_PROJECTOR_RETRY_MS',
    DEFAULT_RETRY_DELAYS.firstDelayMs,
  );
  const maxDelayMs = positiveInteger(
    env,
    'CARE_JOURNEY_PROJECTOR_RETRY_MAX_MS',
    Math.max(DEFAULT_RETRY_DELAYS.maxDelayMs, firstDelayMs),
  );
  if (maxDelayMs < firstDelayMs)
    throw new ReadModelConfigError(
      'CARE_JOURNEY_PROJECTOR_RETRY_MAX_MS',
      `must be at least CARE_JOURNEY_PROJECTOR_RETRY_MS (${firstDelayMs}), got "${maxDelayMs}"`,
    );
  return { firstDelayMs, maxDelayMs };
}

/**
 * A SQLite store's own read-model file: named after the store, so two stores in one directory (a
 * training copy, a restore rehearsal, a mistyped path) never share one and wipe each other's
 * read models (review s12-ops F2). Before, it was `read-models.db` for the whole directory.
 */
export const defaultReadModelFile = (storeFile: string): string => `${storeFile}.read-models.db`;

/** Where read models beside a SQLite store were kept by default before they were per store. */
export const sharedReadModelFile = (storeFile: string): string => join(dirname(storeFile), 'read-models.db');

/** The API, the worker and the CLI must agree on the file: all derive it here. */
function readModelFile(env: Env, store: StoreConfig | undefined): string {
  const explicit = read(env, 'CARE_JOURNEY_READMODEL_FILE');
  if (explicit) return explicit;
  return store?.kind === 'sqlite' ? defaultReadModelFile(store.file) : DEFAULT_READMODEL_FILE;
}

/**
 * The directory-wide read-model file an older version left beside this store, when this store now
 * uses its own default file and that one is not there yet: its read models are rebuilt from the
 * log into the new file, and the caller says so (the old file may belong to another store, so it
 * is neither read nor deleted).
 */
export function leftSharedReadModelFile(env: Env, store: StoreConfig | undefined): string | undefined {
  if (store?.kind !== 'sqlite' || read(env, 'CARE_JOURNEY_READMODEL_FILE')) return undefined;
  const shared = sharedReadModelFile(store.file);
  return existsSync(shared) && !existsSync(defaultReadModelFile(store.file)) ? shared : undefined;
}

const PROJECTIONS_MODES: readonly ProjectionsMode[] = ['inline', 'thread', 'worker'];

/** Who projects when CARE_JOURNEY_PROJECTIONS is not set (README, bench finding 15). */
export const DEFAULT_PROJECTIONS_MODE: ProjectionsMode = 'thread';

/** CARE_JOURNEY_PROJECTIONS, for the API and for anything else that reads it: one rule, one default. */
export function projectionsModeFromEnv(env: Env = process.env): ProjectionsMode {
  const raw = read(env, 'CARE_JOURNEY_PROJECTIONS');
  if (raw === undefined) return DEFAULT_PROJECTIONS_MODE;
  const mode = PROJECTIONS_MODES.find((allowed) => allowed === raw);
  if (mode === undefined)
    throw new ReadModelConfigError(
      'CARE_JOURNEY_PROJECTIONS',
      `allowed values are ${PROJECTIONS_MODES.map((m) => `'${m}'`).join(', ')} (default '${DEFAULT_PROJECTIONS_MODE}'), got "${raw}"`,
    );
  return mode;
}

export function loadReadModelConfig(env: Env = process.env, store?: StoreConfig): ReadModelConfig {
  return {
    file: readModelFile(env, store),
    mode: projectionsModeFromEnv(env),
    batchSize: positiveInteger(env, 'CARE_JOURNEY_PROJECTION_BATCH', 500),
    readYourWritesTimeoutMs: positiveInteger(env, 'CARE_JOURNEY_READ_YOUR_WRITES_TIMEOUT_MS', 5000),
    drift: driftConfigFromEnv(env),
    rebuildThreads: rebuildThreadsFromEnv(env),
    rebuildMinEventsPerThread: rebuildMinEventsPerThreadFromEnv(env),
    retry: retryDelaysFromEnv(env),
    heartbeat: {
      intervalMs: positiveInteger(env, 'CARE_JOURNEY_PROJECTOR_HEARTBEAT_MS', DEFAULT_HEARTBEAT_MS),
      staleIntervals: positiveInteger(env, 'CARE_JOURNEY_PROJECTOR_STALE_INTERVALS', DEFAULT_STALE_INTERVALS),
    },
    projectorNice: projectorNiceFromEnv(env),
  };
}
