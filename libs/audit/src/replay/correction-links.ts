import {
  layAmendment,
  storedDataOf,
  upcastToCurrent,
  type StoredData,
  type StoredJourneyEvent,
} from '@care-journey/journey';
import { leafChanges, type LeafChange } from './leaf-changes';

/** A correction as seen from the entry it corrects. */
export interface CorrectionLink {
  eventId: string;
  kind: 'amended' | 'retracted';
  recordedAt: string;
  recordedBy: string;
  reason: string;
  /** For an amendment: the fields it changed, from what the entry said just before it to what it said after. */
  changes?: LeafChange[];
}

/**
 * Corrections per corrected entry id, in recording (stream) order. Amendments are laid over one
 * another as resolveCorrections does (each at the schema version it was written at, then upcast;
 * later fields win, childId never changes), so each link says exactly what that correction changed,
 * in the shape the code folds.
 */
export function correctionLinks(events: readonly StoredJourneyEvent[]): Map<string, CorrectionLink[]> {
  const links = new Map<string, CorrectionLink[]>();
  const entries = new Map<string, { entry: StoredJourneyEvent; amended: StoredData }>();
  const add = (target: string, link: CorrectionLink) =>
    links.set(target, [...(links.get(target) ?? []), link]);
  for (const event of events) {
    const base = { eventId: event.id, recordedAt: event.recordedAt, recordedBy: event.recordedBy };
    if (event.type === 'EntryAmended') {
      const target = event.data.correctedEventId;
      const known = entries.get(target);
      const before = known ? upcastToCurrent(known.entry, known.amended) : {};
      const amended = known && layAmendment(known.entry.type, known.amended, event);
      if (known && amended) entries.set(target, { entry: known.entry, amended });
      const after = {
        ...(known && amended ? upcastToCurrent(known.entry, amended) : event.data.amendedData),
        childId: before['childId'] ?? event.data.childId,
      };
      add(target, {
        ...base,
        kind: 'amended',
        reason: event.data.reason,
        changes: leafChanges(before, after),
      });
    } else if (event.type === 'EntryRetracted' || event.type === 'RegistrationRetracted') {
      add(event.data.retractedEventId, { ...base, kind: 'retracted', reason: event.data.reason });
    } else {
      entries.set(event.id, { entry: event, amended: storedDataOf(event) });
    }
  }
  return links;
}
