/**
 * The child process the projections SIGKILL spec kills (run through spawnTs, whose hook maps the
 * @care-journey/* aliases). argv: live|rebuild|settings-rebuild, events file, read-model file, batch size.
 * live: prints "ready", then the engine's projector follows the log (the parent kills it by time:
 *   a projector catching up does not yield to timers, so it cannot report as it goes).
 * rebuild: a rebuild into a new generation, printing each progress step.
 * settings-rebuild: the same on the threads the settings in the environment give, as ProjectionEngine
 *   passes them (CARE_JOURNEY_REBUILD_THREADS, CARE_JOURNEY_REBUILD_MIN_EVENTS_PER_THREAD); not through
 *   the engine itself, whose batches of 1,000 or more would leave a kill too little time to land.
 * Progress lines: "progress <state> <events done> <position>".
 */
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import {
  loadReadModelConfig,
  ProjectionEngine,
  ReadModelStore,
  rebuildReadModels,
  type RebuildProgress,
} from '@care-journey/projections';

const [mode, eventsFile, readModelFile, batch] = process.argv.slice(2);
const store = new SqliteEventStore({ file: eventsFile, pollIntervalMs: 5 });
const batchSize = Number(batch);

const report = {
  next: (p: RebuildProgress) => process.stdout.write(`progress ${p.state} ${p.eventsDone} ${p.position}\n`),
  error: (error: unknown) => process.stdout.write(`failed ${String(error)}\n`),
  complete: () => process.stdout.write('rebuilt\n'),
};

if (mode === 'live') {
  const engine = new ProjectionEngine(store, {
    file: readModelFile,
    mode: 'inline',
    batchSize,
    restartDelayMs: 20,
  });
  process.stdout.write(`ready ${engine.checkpoint() ?? -1}\n`);
  engine.start();
} else if (mode === 'rebuild') {
  rebuildReadModels(store, new ReadModelStore(readModelFile), { batchSize }).subscribe(report);
} else {
  const config = loadReadModelConfig(process.env);
  rebuildReadModels(store, new ReadModelStore(readModelFile), {
    batchSize,
    threads: config.rebuildThreads,
    minEventsPerThread: config.rebuildMinEventsPerThread,
  }).subscribe(report);
}
