/** A registration may be retracted as made in error only while it is all the journey holds. */
import { violation } from '../errors';
import type { StoredJourneyEvent } from '../events';
import { historyOf } from '../fold/journey-log';
import { isCorrection } from '../resolve-corrections';
import { entryInWords } from '../handlers/corrections-other-entry';
import type { JourneyState } from '../state';

/**
 * The registration, when nothing but it (and amendments of it) is on the stream; else refused,
 * naming the entries in words: withdraw those first, or this is not a registration in error.
 */
export function onlyTheRegistration(state: JourneyState): StoredJourneyEvent {
  const history = historyOf(state);
  const registration = history.find((event) => event.type === 'ChildRegistered');
  if (!registration) return violation('child-not-registered', 'The child is not registered.');
  const others = history.filter(
    (event) =>
      event !== registration &&
      !(event.type === 'EntryAmended' && event.data.correctedEventId === registration.id),
  );
  if (others.length > 0) violation('registration-has-entries', hasEntriesMessage(others), 'childId');
  return registration;
}

/**
 * Why a registration with other entries stays, in words (review s14 F11): the entries counted are
 * what was recorded (corrections are not entries of their own), and one withdrawn still counts, so
 * the message never tells the admin to withdraw an entry that already was.
 */
function hasEntriesMessage(others: readonly StoredJourneyEvent[]): string {
  const withdrawnIds = new Set(
    others.flatMap((event) => (event.type === 'EntryRetracted' ? [event.data.retractedEventId] : [])),
  );
  const entries = others.filter((event) => !isCorrection(event));
  const live = entries.filter((event) => !withdrawnIds.has(event.id));
  const rule =
    'Only a registration with no other entries can be withdrawn as registered in error, and an entry ' +
    'withdrawn as a mistake still counts: the record keeps it';
  const count = (n: number) => (n === 1 ? 'one entry' : `${n} entries`);
  if (entries.length === 0)
    return `${rule}; this child has ${count(others.length)} (the first: ${entryInWords(others[0])}).`;
  if (live.length === 0)
    return (
      `${rule}; this child has ${count(entries.length)}, withdrawn (the first: ${entryInWords(entries[0])}). ` +
      "The registration stays in the record; correct its details on the child's page if they are wrong."
    );
  return (
    `${rule}; this child has ${count(entries.length)}` +
    `${live.length < entries.length ? ` (${live.length} not withdrawn)` : ''} (the first: ${entryInWords(live[0])}). ` +
    "Correct what was recorded on the child's page instead."
  );
}

/** The retraction on the stream, if the registration was withdrawn as made in error. */
export const registrationRetraction = (state: JourneyState): StoredJourneyEvent | undefined =>
  historyOf(state).find((event) => event.type === 'RegistrationRetracted');
