/**
 * The projector thread (CARE_JOURNEY_PROJECTIONS=thread): the same live projector the API runs
 * inline (libs/projections: Projector on a ReadModelStore), on its own event-store connection and
 * read-model connection, so batches are applied off the API's event loop. Started by
 * ProjectorThread; tells the API what it applied, its state and its log lines; on `stop` applies
 * what it received, closes both files and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createEventStore, type EventStore } from '@care-journey/event-store';
import { DEFAULT_HEARTBEAT_MS, Projector, ReadModelStore } from '@care-journey/projections';
import { lowerOwnPriority } from './thread-priority';
import type { HostMessage, ProjectorThreadSettings, ThreadMessage } from './projector-thread.wire';

/** How often the thread looks at the projector's state when no batch tells it (a failure, a retry). */
const STATE_CHECK_MS = 200;

function openStore(settings: ProjectorThreadSettings): Promise<EventStore> {
  // This connection only reads; appends come from the API's own store on the main thread.
  return createEventStore(settings.store, { readsOnly: true, pollIntervalMs: settings.pollIntervalMs });
}

async function run(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('projector-thread.worker must run as a worker thread');
  const settings = (workerData as { settings: ProjectorThreadSettings }).settings;
  const priority = lowerOwnPriority(settings.nice ?? 0);
  const post = (message: ThreadMessage): void => port.postMessage(message);

  const store = await openStore(settings);
  const readModels = new ReadModelStore(settings.readModelFile, { drift: settings.drift });
  const projector = new Projector(store, readModels, {
    batchSize: settings.batchSize,
    restartDelayMs: settings.restartDelayMs,
    maxRestartDelayMs: settings.maxRestartDelayMs,
    log: (message) => post({ kind: 'log', message }),
    error: (message) => post({ kind: 'log', message, level: 'error' }),
  });

  let reported = '';
  const reportState = (): void => {
    const state = projector.state;
    const error = state === 'failed' ? errorText(projector.lastError) : undefined;
    const failure = projector.failing;
    const key = `${state}:${error ?? ''}:${failure?.attempts ?? 0}`;
    if (key === reported) return;
    reported = key;
    post({ kind: 'state', state, ...(error !== undefined && { error }), ...(failure && { failure }) });
  };
  const applied = projector.applied$.subscribe((checkpoint) => {
    post({ kind: 'applied', checkpoint: checkpoint.toString() });
    reportState();
  });
  const stateCheck = setInterval(reportState, STATE_CHECK_MS);
  // A switch by another process (the CLI's rebuild) is met by the next batch (GenerationChanged); on
  // an idle log there is none, so a timer looks: one read of `meta` per interval, none per event.
  let following: Promise<unknown> = Promise.resolve();
  const generationCheck = setInterval(() => {
    following = following
      .then(() => projector.followServedGeneration())
      .catch((error: unknown) =>
        post({
          kind: 'log',
          message: `following the served generation: ${errorText(error)}`,
          level: 'error',
        }),
      );
  }, settings.generationCheckMs ?? DEFAULT_HEARTBEAT_MS);

  let stopping: Promise<void> | undefined;
  const stop = async (): Promise<void> => {
    clearInterval(stateCheck);
    clearInterval(generationCheck);
    await following; // a move to the new generation finishes before the projector stops
    try {
      await projector.stop(); // applies what was received (a failed last batch is re-applied next start)
    } finally {
      applied.unsubscribe();
      readModels.close();
      await store
        .close()
        .catch((error: unknown) => post({ kind: 'log', message: `closing the store: ${errorText(error)}` }));
      post({ kind: 'stopped' });
      port.close(); // nothing else keeps this thread alive: it ends
    }
  };
  port.on('message', (message: HostMessage) => {
    if (message.kind === 'stop') stopping ??= stop();
  });

  projector.start();
  // Ready once the read models are checked against the log (realigned if they are not its own).
  await projector.whenStarted();
  post({ kind: 'ready', checkpoint: readModels.checkpoint()?.toString() ?? null });
  post({ kind: 'log', message: `the projector thread runs at ${priority} (CARE_JOURNEY_PROJECTOR_NICE)` });
  reportState();
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

run().catch((error: unknown) => {
  // Uncaught, so the API sees it as the thread's 'error' (start-up fails, or the thread is restarted).
  setImmediate(() => {
    throw error;
  });
});
