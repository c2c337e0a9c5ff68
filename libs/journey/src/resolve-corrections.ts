/**
 * Corrections never edit the stream; they are read through. resolveCorrections gives the journey
 * as it should have been recorded: amended data laid over the original (latest amendment wins),
 * retracted entries dropped (a registration retracted in error too: then nothing is left), the
 * EntryAmended/EntryRetracted/RegistrationRetracted events themselves removed.
 * Result is in stream order; use sortByEffectiveDate for the order of the child's life.
 */
import type { JourneyEvent, StoredJourneyEvent } from './events';

/** A registration retracted as made in error counts as a correction: it withdraws its target. */
export const isCorrection = (event: Pick<JourneyEvent, 'type'>): boolean =>
  event.type === 'EntryAmended' || event.type === 'EntryRetracted' || event.type === 'RegistrationRetracted';

export function resolveCorrections(events: readonly StoredJourneyEvent[]): StoredJourneyEvent[] {
  const amendments = new Map<string, Record<string, unknown>>();
  const retracted = new Set<string>();
  for (const event of events) {
    if (event.type === 'EntryAmended') {
      const previous = amendments.get(event.data.correctedEventId) ?? {};
      amendments.set(event.data.correctedEventId, { ...previous, ...event.data.amendedData });
    } else if (event.type === 'EntryRetracted' || event.type === 'RegistrationRetracted') {
      retracted.add(event.data.retractedEventId);
    }
  }
  return events
    .filter((event) => !isCorrection(event) && !retracted.has(event.id))
    .map((event) => {
      const amended = amendments.get(event.id);
      if (!amended) return event;
      // The child never changes: keep the stream's childId whatever the amendment says.
      const data = { ...event.data, ...amended, childId: event.data.childId };
      return { ...event, data } as StoredJourneyEvent;
    });
}

/**
 * Order of the child's life: by effective date, arrival order within a day, registration first
 * (it heads the stream even when its effective date is later than a back-dated entry).
 */
export function sortByEffectiveDate<E extends JourneyEvent>(events: readonly E[]): E[] {
  const rank = (e: E): number => (e.type === 'ChildRegistered' ? 0 : 1);
  return events
    .map((event, index) => ({ event, index }))
    .sort(
      (a, b) =>
        rank(a.event) - rank(b.event) ||
        (a.event.data.effectiveDate < b.event.data.effectiveDate
          ? -1
          : a.event.data.effectiveDate > b.event.data.effectiveDate
            ? 1
            : 0) ||
        a.index - b.index,
    )
    .map(({ event }) => event);
}
