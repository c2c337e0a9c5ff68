import type { EventStore } from '@care-journey/event-store';
import { ProjectionEngine, ReadModelStore } from '@care-journey/projections';

/** Every summary in a read-model file, by child id, with the file's checkpoint. */
export function readSummaries(file: string): {
  checkpoint: string | undefined;
  summaries: Record<string, unknown>;
} {
  const store = new ReadModelStore(file);
  try {
    const { records } = store.summariesChangedSince(undefined);
    const summaries = Object.fromEntries(
      records
        .map((r) => [(r.summary as { childId: string }).childId, r.summary] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    );
    return { checkpoint: store.checkpoint()?.toString(), summaries };
  } finally {
    store.close();
  }
}

/** A clean rebuild of the read models from the log, into a new file. */
export async function rebuildInto(store: EventStore, file: string): Promise<void> {
  const engine = new ProjectionEngine(store, { file, mode: 'worker', batchSize: 1000 });
  try {
    await engine.rebuildAndWait();
  } finally {
    await engine.close();
  }
}
