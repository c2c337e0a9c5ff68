import { resolveCorrections, type CalendarDate, type StoredJourneyEvent } from '@care-journey/journey';

/**
 * A replay point before the child's registration (as at a date before the authority knew the
 * child, or as known at a moment before it was recorded) replays no entries at all. The page still
 * says who the child is (identity details, not part of the situation on the date) and plainly that
 * the child was not yet registered then.
 */
export interface BeforeRegistration {
  /** From the registration as corrected today: the record's own name for the child. */
  name: string;
  childRef: string;
  dateOfBirth?: CalendarDate;
  /** The date the child became known to the authority (the registration's effective date). */
  knownFrom: CalendarDate;
  /** When the registration was recorded. */
  recordedAt: string;
}

const isRegistration = (
  entry: StoredJourneyEvent,
): entry is Extract<StoredJourneyEvent, { type: 'ChildRegistered' }> => entry.type === 'ChildRegistered';

/** Undefined when the replayed entries hold the registration (or the stream has none). */
export function beforeRegistration(
  events: readonly StoredJourneyEvent[],
  replayed: readonly StoredJourneyEvent[],
): BeforeRegistration | undefined {
  if (replayed.some(isRegistration)) return undefined;
  const registration = resolveCorrections(events).find(isRegistration);
  if (!registration) return undefined;
  const { name, childRef, dateOfBirth, effectiveDate } = registration.data;
  return { name, childRef, dateOfBirth, knownFrom: effectiveDate, recordedAt: registration.recordedAt };
}
