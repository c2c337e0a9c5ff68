/**
 * The engine's read models for a one-off reader (the CLI): project what the log holds beyond the
 * read-model file's checkpoint, then read summaries from the file and child events from the store. The file is
 * left caught up for the next reader, so a second run only projects what was appended since.
 */
import type { EventStore } from '@care-journey/event-store';
import type { ProjectionEngine } from '../engine/projection-engine';
import type { JourneyReadModels } from './journey-read-models';

export interface CatchUpOptions {
  /** Give up when the checkpoint has not moved for this long (default 30 s). */
  stallMs?: number;
  pollMs?: number;
}

/** The engine's summaries and its store's child events, as the authority measures read them. */
export const engineReadModels = (engine: ProjectionEngine): JourneyReadModels => ({
  summaries: () => engine.summaries(),
  events: (childId) => engine.childEvents(childId),
});

/**
 * Runs the engine's projector (an inline-mode engine) until its read models hold the head of the
 * log as it was when called, then stops it. Throws, naming the checkpoint, if projecting stalls.
 */
export async function catchUpReadModels(
  engine: ProjectionEngine,
  store: EventStore,
  { stallMs = 30_000, pollMs = 250 }: CatchUpOptions = {},
): Promise<void> {
  const head = await store.headPosition();
  if (head === undefined) return;
  engine.start();
  try {
    let last = engine.checkpoint();
    let movedAt = Date.now();
    while (!(await engine.waitForPosition(head, pollMs))) {
      const now = engine.checkpoint();
      if (now !== last) [last, movedAt] = [now, Date.now()];
      else if (Date.now() - movedAt >= stallMs)
        throw new Error(
          `Read models stuck at position ${last?.toString() ?? 'none'} of ${head.toString()} (projector ${engine.projectorState}); try care-journey rebuild`,
        );
    }
  } finally {
    await engine.stop();
  }
}
