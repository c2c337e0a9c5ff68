/**
 * The standalone projection worker: the same engine the API runs inline, configured from the
 * environment (event store: CARE_JOURNEY_STORE…; read models: CARE_JOURNEY_READMODEL_FILE…).
 * Run it with CARE_JOURNEY_PROJECTIONS=worker on the API so only this process writes the file.
 * It writes a heartbeat into that file every CARE_JOURNEY_PROJECTOR_HEARTBEAT_MS (heartbeat.ts).
 */
import { createEventStore, loadStoreConfig, type EventStore } from '@care-journey/event-store';
import {
  checkStoreFiles,
  loadReadModelConfig,
  ProjectionEngine,
  readCreateStore,
} from '@care-journey/projections';
import { startHeartbeat } from './heartbeat';
import { rebuildOutdatedFold } from './rebuild-outdated-fold';

export interface RunningProjector {
  engine: ProjectionEngine;
  /** Settles once read models of another fold version are rebuilt (at once when they were not). */
  foldRebuild: Promise<void>;
  /** Applies what was received, stops, closes both files. */
  stop(): Promise<void>;
}

export interface StartOptions {
  env?: Record<string, string | undefined>;
  log?: (message: string) => void;
  /** Where a failed batch goes (default: stderr, marked ERROR, so a log alert fires); recovery goes to `log`. */
  error?: (message: string) => void;
  /** How often lag is logged (ms; CARE_JOURNEY_PROJECTOR_LOG_INTERVAL_MS, default 10000). */
  logIntervalMs?: number;
  /** Use this store instead of opening the configured one (tests). */
  eventStore?: EventStore;
}

const LOG_INTERVAL_VARIABLE = 'CARE_JOURNEY_PROJECTOR_LOG_INTERVAL_MS';

/** The lag-log interval; a bad value stops start-up naming the variable (a NaN interval would log every 1 ms). */
function logIntervalOf(env: Record<string, string | undefined>): number {
  const raw = env[LOG_INTERVAL_VARIABLE]?.trim();
  if (raw === undefined || raw === '') return 10_000;
  if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1)
    throw new Error(`${LOG_INTERVAL_VARIABLE}: must be a whole number of milliseconds ≥ 1, got "${raw}"`);
  return Number(raw);
}

export async function startProjector(options: StartOptions = {}): Promise<RunningProjector> {
  const env = options.env ?? process.env;
  const interval = options.logIntervalMs ?? logIntervalOf(env);
  const log =
    options.log ?? ((message: string) => console.log(`${new Date().toISOString()} [projector] ${message}`));
  const error =
    options.error ??
    ((message: string) => console.error(`${new Date().toISOString()} [projector] ERROR ${message}`));
  const storeConfig = options.eventStore ? undefined : loadStoreConfig(env);
  const config = loadReadModelConfig(env, storeConfig);
  if (storeConfig) {
    // The API's start-up check, before anything is opened: a missing store (a mistyped path, a
    // volume not mounted) is not created unless CARE_JOURNEY_SQLITE_CREATE=1 says so, and another
    // store's read-model file is refused.
    const { created, takenOver } = checkStoreFiles(storeConfig, config.file, {
      createStore: readCreateStore(env),
    });
    if (created) log(`WARN created a new, empty event store at ${created}`);
    if (takenOver) log(`WARN ${takenOver}`);
  }
  const eventStore = options.eventStore ?? (await createEventStore(storeConfig));
  // This process is the writer whatever the API's mode says.
  const engine = new ProjectionEngine(eventStore, {
    file: config.file,
    mode: 'inline',
    batchSize: config.batchSize,
    restartDelayMs: config.retry.firstDelayMs,
    maxRestartDelayMs: config.retry.maxDelayMs,
    rebuildThreads: config.rebuildThreads,
    log,
    error,
  });
  engine.start();
  // Written from the start (state running while it checks the log), then every interval.
  const heartbeat = startHeartbeat(engine, { intervalMs: config.heartbeat.intervalMs, log, error });
  // In the background: the projector goes on into the served generation meanwhile.
  const foldRebuild = rebuildOutdatedFold(engine, { log, error });
  log(
    `projecting into ${config.file} from checkpoint ${engine.checkpoint()?.toString() ?? 'start'} (batch ${config.batchSize})`,
  );

  let lastLogged: string | undefined;
  const timer = setInterval(() => {
    engine
      .lag()
      .then((lag) => {
        const line = `checkpoint ${lag.checkpoint ?? '-'} head ${lag.head ?? '-'} lag ${lag.lag} (${lag.projector})`;
        if (line !== lastLogged) log(line);
        lastLogged = line;
      })
      .catch((error: unknown) => log(`lag unavailable: ${String(error)}`));
  }, interval);
  timer.unref();

  return {
    engine,
    foldRebuild,
    stop: async () => {
      clearInterval(timer);
      await heartbeat.stop();
      await engine.stop();
      heartbeat.last(); // says `stopped`: the API tells a shutdown from a crash
      await engine.close();
      if (!options.eventStore) await eventStore.close();
      log('stopped');
    },
  };
}
