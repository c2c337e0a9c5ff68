import type { StoredJourneyEvent } from '@care-journey/journey';
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
 * another as resolveCorrections does (later fields win, childId never changes), so each link
 * says exactly what that correction changed.
 */
export function correctionLinks(events: readonly StoredJourneyEvent[]): Map<string, CorrectionLink[]> {
  const links = new Map<string, CorrectionLink[]>();
  const current = new Map<string, Record<string, unknown>>();
  const add = (target: string, link: CorrectionLink) =>
    links.set(target, [...(links.get(target) ?? []), link]);
  for (const event of events) {
    const base = { eventId: event.id, recordedAt: event.recordedAt, recordedBy: event.recordedBy };
    if (event.type === 'EntryAmended') {
      const target = event.data.correctedEventId;
      const before = current.get(target) ?? {};
      const after = {
        ...before,
        ...event.data.amendedData,
        childId: before['childId'] ?? event.data.childId,
      };
      current.set(target, after);
      add(target, {
        ...base,
        kind: 'amended',
        reason: event.data.reason,
        changes: leafChanges(before, after),
      });
    } else if (event.type === 'EntryRetracted' || event.type === 'RegistrationRetracted') {
      add(event.data.retractedEventId, { ...base, kind: 'retracted', reason: event.data.reason });
    } else {
      current.set(event.id, event.data as Record<string, unknown>);
    }
  }
  return links;
}
