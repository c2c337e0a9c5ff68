import { Inject, Injectable } from '@nestjs/common';
import {
  accessLogStream,
  CASE_HISTORY_READ,
  toAccessLogEntry,
  type ReadModelsPosition,
} from '@care-journey/audit';
import { readStreamOrEmpty, type EventStore } from '@care-journey/event-store';
import { EVENT_STORE } from '../infrastructure/event-store.provider';

/** A live drift report read at an instant, as the trail kept it (its child ids left out). */
export interface DriftReadAt {
  readBy: string;
  role: string;
  route: string;
  readAt: string;
  /** How far the read models that report was built from had got. */
  readModels: ReadModelsPosition;
}

/**
 * The live drift report reads recorded at exactly `instant` (an auditor's knownAt copied from a
 * trail entry's readAt): only those that kept `readModels` (the live report, from the read models;
 * older entries and the auditor's own replays have none). Reads that day's trail stream only,
 * one entry at a time.
 */
@Injectable()
export class DriftReadsAt {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async find(instant: string): Promise<DriftReadAt[]> {
    const found: DriftReadAt[] = [];
    for await (const event of readStreamOrEmpty(this.store, accessLogStream(instant))) {
      if (event.type !== CASE_HISTORY_READ || event.metadata.recordedAt !== instant) continue;
      const entry = toAccessLogEntry(event);
      if (entry.view !== 'drift' || entry.readModels === undefined) continue;
      // A long list is split over entries (`part`): one read, said once.
      if (entry.query?.part !== undefined && !entry.query.part.startsWith('1/')) continue;
      found.push({
        readBy: entry.readBy,
        role: entry.role,
        route: entry.query?.route ?? '',
        readAt: entry.readAt,
        readModels: entry.readModels,
      });
    }
    return found;
  }
}
