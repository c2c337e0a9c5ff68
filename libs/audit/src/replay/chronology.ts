import { daysBetween, dateOfInstant, type StoredJourneyEvent } from '@care-journey/journey';
import { correctionLinks, type CorrectionLink } from './correction-links';

export interface ChronologyEntry {
  eventId: string;
  revision?: bigint;
  type: string;
  /**
   * Where the entry stands in the child's life: its effective date as amended (the latest
   * amendment that changed it wins). A correction stands beside the entry it corrects.
   */
  effectiveDate: string;
  /** The effective date as first recorded, when an amendment moved the entry to another date. */
  originalEffectiveDate?: string;
  /** The amendment that set the date shown, when it is not the date first recorded. */
  dateAmendedBy?: Omit<CorrectionLink, 'changes'>;
  recordedAt: string;
  recordedBy: string;
  /**
   * Days from the effective date shown to the (UTC) day it was first recorded: 0 same day, 12
   * recorded twelve days late, negative when recorded ahead of the date.
   */
  lagDays: number;
  /** For a correction: the entry it amends or retracts, and why. */
  corrects?: { eventId: string; kind: 'amended' | 'retracted'; reason: string };
  /** Later amendments of this entry, in recording order. */
  amendedBy: CorrectionLink[];
  retractedBy?: CorrectionLink;
}

/** The amendment that last changed an entry's effective date, if any, with the date it set. */
function dateAmendment(links: readonly CorrectionLink[]): { date: string; link: CorrectionLink } | undefined {
  for (let i = links.length - 1; i >= 0; i--) {
    const change = links[i].changes?.find((c) => c.path === 'effectiveDate');
    if (change && typeof change.to === 'string') return { date: change.to, link: links[i] };
  }
  return undefined;
}

/**
 * Every event of the stream in effective-date order (recording order within a day), with who
 * recorded it, when, how late, and what later corrected it. An amended entry stands at its
 * effective date as amended, with the date first recorded and the amendment that moved it;
 * corrections stand beside the entry they correct.
 */
export function chronology(events: readonly StoredJourneyEvent[]): ChronologyEntry[] {
  const links = correctionLinks(events);
  const amendedDates = new Map<string, { date: string; link: CorrectionLink }>();
  for (const [id, own] of links) {
    const amended = dateAmendment(own.filter((link) => link.kind === 'amended'));
    if (amended) amendedDates.set(id, amended);
  }
  const dateOf = (event: StoredJourneyEvent): string => {
    const target = correctedId(event);
    return (
      (target !== undefined ? amendedDates.get(target)?.date : amendedDates.get(event.id)?.date) ??
      event.data.effectiveDate
    );
  };
  return events
    .map((event): ChronologyEntry => {
      const own = links.get(event.id) ?? [];
      const retractedBy = own.find((link) => link.kind === 'retracted');
      const effectiveDate = dateOf(event);
      const moved = amendedDates.get(event.id);
      return {
        eventId: event.id,
        ...(event.revision !== undefined && { revision: event.revision }),
        type: event.type,
        effectiveDate,
        ...(moved &&
          moved.date !== event.data.effectiveDate && {
            originalEffectiveDate: event.data.effectiveDate,
            dateAmendedBy: withoutChanges(moved.link),
          }),
        recordedAt: event.recordedAt,
        recordedBy: event.recordedBy,
        lagDays: daysBetween(effectiveDate, dateOfInstant(event.recordedAt)),
        ...correctionTarget(event),
        amendedBy: own.filter((link) => link.kind === 'amended'),
        ...(retractedBy && { retractedBy }),
      };
    })
    .sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : 0));
}

const withoutChanges = ({ changes: _changes, ...link }: CorrectionLink): Omit<CorrectionLink, 'changes'> =>
  link;

function correctedId(event: StoredJourneyEvent): string | undefined {
  if (event.type === 'EntryAmended') return event.data.correctedEventId;
  if (event.type === 'EntryRetracted' || event.type === 'RegistrationRetracted')
    return event.data.retractedEventId;
  return undefined;
}

function correctionTarget(event: StoredJourneyEvent): Pick<ChronologyEntry, 'corrects'> {
  if (event.type === 'EntryAmended')
    return { corrects: { eventId: event.data.correctedEventId, kind: 'amended', reason: event.data.reason } };
  if (event.type === 'EntryRetracted' || event.type === 'RegistrationRetracted')
    return {
      corrects: { eventId: event.data.retractedEventId, kind: 'retracted', reason: event.data.reason },
    };
  return {};
}
