/**
 * Corrections never edit the stream; they are read through. resolveCorrections gives the journey
 * as it should have been recorded: amended data laid over the original (latest amendment wins),
 * retracted entries dropped (a registration retracted in error too: then nothing is left), the
 * EntryAmended/EntryRetracted/RegistrationRetracted events themselves removed.
 * Result is in stream order; use sortByEffectiveDate for the order of the child's life.
 */
import { amendedData, type StoredAmendment } from './amended-entry';
import { JOURNEY_SCHEMAS, type JourneySchemas } from './event-schema';
import type { JourneyEvent, StoredJourneyEvent } from './events';

/** A registration retracted as made in error counts as a correction: it withdraws its target. */
export const isCorrection = (event: Pick<JourneyEvent, 'type'>): boolean =>
  event.type === 'EntryAmended' || event.type === 'EntryRetracted' || event.type === 'RegistrationRetracted';

/**
 * Each amendment is laid over its entry at the schema version it was written at, then the result
 * is upcast (amended-entry.ts). An amendment of a newer version than the code knows is refused
 * (UnreadableEventSchema), as a newer event is. `schemas` is for specs of a version history.
 */
export function resolveCorrections(
  events: readonly StoredJourneyEvent[],
  schemas: JourneySchemas = JOURNEY_SCHEMAS,
): StoredJourneyEvent[] {
  const amendments = new Map<string, StoredAmendment[]>();
  const retracted = new Set<string>();
  for (const event of events) {
    if (event.type === 'EntryAmended') {
      const earlier = amendments.get(event.data.correctedEventId);
      if (earlier) earlier.push(event);
      else amendments.set(event.data.correctedEventId, [event]);
    } else if (event.type === 'EntryRetracted' || event.type === 'RegistrationRetracted') {
      retracted.add(event.data.retractedEventId);
    }
  }
  return events
    .filter((event) => !isCorrection(event) && !retracted.has(event.id))
    .map((event) => {
      const amending = amendments.get(event.id);
      if (!amending) return event;
      // The data as stored no longer describes the amended entry.
      const { asStored: _stored, ...entry } = event;
      // The child never changes: keep the stream's childId whatever the amendment says.
      const data = { ...amendedData(event, amending, schemas), childId: event.data.childId };
      return { ...entry, data } as StoredJourneyEvent;
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
