/** A registration may be retracted as made in error only while it is all the journey holds. */
import { violation } from '../errors';
import type { StoredJourneyEvent } from '../events';
import { historyOf } from '../fold/journey-log';
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
  if (others.length > 0)
    violation(
      'registration-has-entries',
      `Only a registration with no other entries can be withdrawn as registered in error; this child ` +
        `also has ${others.length === 1 ? 'one entry' : `${others.length} entries`} (the first: ` +
        `${entryInWords(others[0])}). Correct or withdraw what was recorded on the child's page instead.`,
      'childId',
    );
  return registration;
}

/** The retraction on the stream, if the registration was withdrawn as made in error. */
export const registrationRetraction = (state: JourneyState): StoredJourneyEvent | undefined =>
  historyOf(state).find((event) => event.type === 'RegistrationRetracted');
