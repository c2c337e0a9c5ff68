/**
 * POST /admin/rebuild's rebuild, on a worker thread of the API (review s12-ops F9): the same
 * rebuild the CLI runs (ProjectionEngine.rebuild, split across CARE_JOURNEY_REBUILD_THREADS), on its
 * own read connection to the store and its own read-model connection, so the API's event loop
 * (health probes, pages) is not held for the minutes a large log takes. Posts each progress report,
 * closes both files when done and ends.
 */
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { createEventStore } from '@care-journey/event-store';
import { ProjectionEngine, RebuildRunningElsewhere } from '@care-journey/projections';
import type { RebuildThreadMessage, RebuildThreadSettings } from './rebuild-thread.wire';

async function run(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('rebuild-thread.worker must run as a worker thread');
  const settings = (workerData as { settings: RebuildThreadSettings }).settings;
  const post = (message: RebuildThreadMessage): void => port.postMessage(message);
  const store = await createEventStore(settings.store, { readsOnly: true });
  // 'worker': this engine projects nothing live; the API's projector follows the new generation.
  const engine = new ProjectionEngine(store, {
    file: settings.readModelFile,
    mode: 'worker',
    batchSize: settings.batchSize,
    drift: settings.drift,
    rebuildThreads: settings.rebuildThreads,
    rebuildMinEventsPerThread: settings.rebuildMinEventsPerThread,
    process: 'api',
  });
  try {
    await engine.rebuildAndWait((progress) => post({ kind: 'progress', progress, threadId }));
  } catch (error) {
    if (error instanceof RebuildRunningElsewhere)
      post({ kind: 'refused', message: error.message, running: error.running });
    else post({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  } finally {
    await engine.close();
    await store.close();
  }
}

void run().catch((error: unknown) =>
  parentPort?.postMessage({
    kind: 'failed',
    message: error instanceof Error ? error.message : String(error),
  } satisfies RebuildThreadMessage),
);
