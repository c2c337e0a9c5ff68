/** OC3 rules: a care leaver, around a 17th–21st birthday, with codes that agree with each other. */
import type { RecordCareLeaverContact } from '../commands';
import { violation } from '../errors';
import { careLeaverBirthdayNear, notACareLeaverAt, type CareLeaverBirthday } from '../outcome-rules';
import type { JourneyState } from '../state';
import { requireCode } from './codes';
import { findRecord } from '../fold/journey-log';

export function birthdayReportedOn(state: JourneyState, date: string): CareLeaverBirthday {
  const dateOfBirth = state.child?.dateOfBirth ?? date;
  const birthday = careLeaverBirthdayNear(dateOfBirth, date);
  if (!birthday) {
    return violation(
      'contact-not-near-birthday',
      `A care leaver contact reports on the 17th to 21st birthdays: ${date} is not within three months of one.`,
      'effectiveDate',
    );
  }
  return birthday;
}

export function mustBeCareLeaver(state: JourneyState, birthday: CareLeaverBirthday): void {
  const why = notACareLeaverAt(
    {
      dateOfBirth: state.child?.dateOfBirth ?? birthday.date,
      periodsOfCare: state.periodsOfCare,
      legalStatuses: state.legalStatuses,
    },
    birthday.date,
  );
  if (why) {
    violation(
      'not-a-care-leaver',
      `No care leaver contact for the ${birthday.age}th birthday (${birthday.date}): the child ${why}.`,
      'effectiveDate',
    );
  }
}

export function notInCareOn(state: JourneyState, date: string): void {
  const inCare = state.periodsOfCare.some(
    (p) => p.startDate <= date && (p.endDate === undefined || date < p.endDate),
  );
  if (inCare)
    violation(
      'contact-while-looked-after',
      `The child is looked after on ${date}: a care leaver contact comes after care ends.`,
      'effectiveDate',
    );
}

export function oneContactPerBirthday(state: JourneyState, birthday: CareLeaverBirthday): void {
  const dateOfBirth = state.child?.dateOfBirth ?? birthday.date;
  const existing = findRecord(
    state,
    ([, e]) =>
      e.type === 'CareLeaverContactRecorded' &&
      !e.retracted &&
      careLeaverBirthdayNear(dateOfBirth, e.effectiveDate)?.age === birthday.age,
  );
  if (existing) {
    violation(
      'contact-already-recorded',
      `A care leaver contact for the ${birthday.age}th birthday is already recorded (entry ${existing[0]}); amend that entry instead.`,
      'effectiveDate',
    );
  }
}

/** Codes from the lists; died or home for good: activity and accommodation 0 (344); in touch: both known (345). */
export function checkContactCodes(command: RecordCareLeaverContact, birthday: CareLeaverBirthday): void {
  const inTouch = requireCode('IN_TOUCH', command.inTouch, undefined, 'inTouch', 'invalid-in-touch');
  const activity = requireCode('ACTIV', command.activity, undefined, 'activity', 'invalid-activity');
  const accommodation = requireCode(
    'ACCOM',
    command.accommodation,
    undefined,
    'accommodation',
    'invalid-accommodation',
  );
  if ((inTouch === 'DIED' || inTouch === 'RHOM') && (activity !== '0' || accommodation !== '0')) {
    violation(
      'contact-codes-disagree',
      `inTouch ${inTouch} takes activity 0 and accommodation 0.`,
      activity !== '0' ? 'activity' : 'accommodation',
    );
  }
  if (inTouch === 'YES' && (activity === '0' || accommodation === '0')) {
    violation(
      'contact-codes-disagree',
      'inTouch YES needs a known activity and accommodation (not 0).',
      activity === '0' ? 'activity' : 'accommodation',
    );
  }
  // Staying with former foster carers at 17 would mean still looked after (3001).
  if (birthday.age === 17 && (accommodation === 'Z1' || accommodation === 'Z2')) {
    violation(
      'former-foster-carers-at-17',
      'accommodation Z1/Z2 (former foster carers) is not valid around the 17th birthday.',
      'accommodation',
    );
  }
}
