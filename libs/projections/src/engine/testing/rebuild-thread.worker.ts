/**
 * A partitioned rebuild on a thread of its own, for the spec that stops it abruptly
 * (Worker.terminate ends it and its partition threads wherever they are, as a SIGKILL would).
 * Posts every progress report.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { ReadModelStore } from '../read-model-store';
import { rebuildReadModels } from '../rebuild';

const { eventsFile, readModelFile, batchSize } = (
  workerData as { settings: { eventsFile: string; readModelFile: string; batchSize: number } }
).settings;
const store = new SqliteEventStore({ file: eventsFile });
const readModels = new ReadModelStore(readModelFile);
rebuildReadModels(store, readModels, { batchSize, threads: 2, minEventsPerThread: 1 }).subscribe({
  next: (progress) => parentPort?.postMessage(progress),
});
