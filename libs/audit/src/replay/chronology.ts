import { daysBetween, dateOfInstant, type StoredJourneyEvent } from '@care-journey/journey';
import { correctionLinks, type CorrectionLink } from './correction-links';

export interface ChronologyEntry {
  eventId: string;
  revision?: bigint;
  type: string;
  effectiveDate: string;
  recordedAt: string;
  recordedBy: string;
  /**
   * Days from the effective date to the (UTC) day it was recorded: 0 same day, 12 recorded
   * twelve days late, negative when recorded ahead of the date.
   */
  lagDays: number;
  /** For a correction: the entry it amends or retracts, and why. */
  corrects?: { eventId: string; kind: 'amended' | 'retracted'; reason: string };
  /** Later amendments of this entry, in recording order. */
  amendedBy: CorrectionLink[];
  retractedBy?: CorrectionLink;
}

/**
 * Every event of the stream in effective-date order (recording order within a day), with who
 * recorded it, when, how late, and what later corrected it. Corrections appear too, at the
 * (possibly new) effective date of the entry they correct.
 */
export function chronology(events: readonly StoredJourneyEvent[]): ChronologyEntry[] {
  const links = correctionLinks(events);
  return events
    .map((event): ChronologyEntry => {
      const own = links.get(event.id) ?? [];
      const retractedBy = own.find((link) => link.kind === 'retracted');
      return {
        eventId: event.id,
        ...(event.revision !== undefined && { revision: event.revision }),
        type: event.type,
        effectiveDate: event.data.effectiveDate,
        recordedAt: event.recordedAt,
        recordedBy: event.recordedBy,
        lagDays: daysBetween(event.data.effectiveDate, dateOfInstant(event.recordedAt)),
        ...correctionTarget(event),
        amendedBy: own.filter((link) => link.kind === 'amended'),
        ...(retractedBy && { retractedBy }),
      };
    })
    .sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : 0));
}

function correctionTarget(event: StoredJourneyEvent): Pick<ChronologyEntry, 'corrects'> {
  if (event.type === 'EntryAmended')
    return { corrects: { eventId: event.data.correctedEventId, kind: 'amended', reason: event.data.reason } };
  if (event.type === 'EntryRetracted')
    return {
      corrects: { eventId: event.data.retractedEventId, kind: 'retracted', reason: event.data.reason },
    };
  return {};
}
