/**
 * Setting up a read-model file when it is opened: the shared tables, a first generation in a new
 * file, and the migrations of files written by older builds (the change log, the log tie, the
 * per-child copy of events replaced by stream columns, the feed's held facts).
 */
import type { CalendarDate, StoredJourneyEvent } from '@care-journey/journey';
import { clockAfter } from '../feed/feed-clock';
import type { Checkpoints } from './read-model-store-checkpoints';
import { addChangeLogIfMissing } from './read-model-store-change-log-start';
import type { ReadModelFile } from './read-model-store-file';
import type { Generations } from './read-model-store-generations';
import { advance, type FoldPoint } from './per-event-fold';
import {
  addFeedHeldIfMissing,
  addLogTieColumns,
  migrateEventCopy,
  SHARED_SCHEMA,
  type StreamFacts,
} from './read-model-schema';

export function setUpReadModelFile(
  file: ReadModelFile,
  generations: Generations,
  checkpoints: Checkpoints,
): void {
  file.write(() => {
    file.db.exec(SHARED_SCHEMA);
    addLogTieColumns(file.db);
    if (generations.served() === undefined) {
      generations.prepare(1, true);
      file.db.prepare(`INSERT INTO meta (key, value) VALUES ('generation', '1')`).run();
    }
    const current = generations.current();
    addChangeLogIfMissing(file, current, checkpoints.at(current));
    for (const generation of checkpoints.generations()) {
      migrateEventCopy(file.db, generation, streamFactsOf);
      addFeedHeldIfMissing(file.db, generation);
    }
  });
}

/** The stream columns of one child's stored events (rows as the old per-child copy held them). */
function streamFactsOf(rows: readonly { position: number; event: string }[]): StreamFacts {
  const point: FoldPoint = { count: 0, latest: '' };
  let clock: CalendarDate | undefined;
  for (const row of rows) {
    const event = JSON.parse(row.event) as StoredJourneyEvent;
    advance(point, event);
    clock = clockAfter(clock, event);
  }
  return { count: point.count, latest: point.latest, clock };
}
