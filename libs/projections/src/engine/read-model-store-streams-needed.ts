/**
 * Planning a batch's refolds: which children's streams must be read from the event store before
 * the batch is applied (a correction, a back-dated entry or a second registration after events
 * already applied), as the file stands.
 */
import type { RecordedEvent } from '@care-journey/event-store';
import type { StoredJourneyEvent } from '@care-journey/journey';
import type { Checkpoints } from './read-model-store-checkpoints';
import type { KeptPoint } from './read-model-store-child-folds';
import type { ReadModelFile } from './read-model-store-file';
import { childIdOf } from './journey-event-record';
import { advance, appendsAtEnd, type FoldPoint } from './per-event-fold';
import { tablesOf } from './read-model-schema';

/** A child whose stream must be read before a batch: its first `count` events. */
export interface StreamWanted {
  childId: string;
  count: number;
}

export function streamsNeeded(
  file: ReadModelFile,
  checkpoints: Checkpoints,
  generation: number,
  events: readonly RecordedEvent[],
  /** The children's rows as kept in memory, when they are known to be the file's (ChildFolds.keptPoints). */
  kept?: (childId: string) => KeptPoint | undefined,
): StreamWanted[] {
  const { summaries } = tablesOf(generation);
  // A generation dropped meanwhile (a rebuild switched): applyBatch says so (GenerationChanged).
  if (!file.hasTable(summaries)) return [];
  const checkpoint = checkpoints.at(generation);
  const sql = `SELECT stream_count, latest_effective, last_position FROM ${summaries} WHERE child_id = ?`;
  const rowOf = (childId: string): KeptPoint | undefined => {
    const held = kept?.(childId);
    if (held !== undefined) return held;
    const row = file.positionStmt(sql).get(childId) as
      { stream_count: bigint; latest_effective: string; last_position: bigint } | undefined;
    return row && { count: Number(row.stream_count), latest: row.latest_effective, after: row.last_position };
  };
  const points = new Map<string, (FoldPoint & { start: number; after: bigint }) | null>();
  const wanted: StreamWanted[] = [];
  for (const event of events) {
    if (checkpoint !== undefined && event.globalPosition <= checkpoint) continue;
    const childId = childIdOf(event);
    if (childId === undefined) continue;
    let point = points.get(childId);
    if (point === undefined) {
      const row = rowOf(childId);
      point = row
        ? { count: row.count, latest: row.latest, start: row.count, after: row.after }
        : { count: 0, latest: '', start: 0, after: -1n };
      points.set(childId, point);
    }
    if (point === null || event.globalPosition <= point.after) continue;
    const journeyEvent = event as unknown as StoredJourneyEvent;
    if (point.start > 0 && !appendsAtEnd(point, journeyEvent)) {
      wanted.push({ childId, count: point.start });
      points.set(childId, null);
      continue;
    }
    advance(point, journeyEvent);
  }
  return wanted;
}
