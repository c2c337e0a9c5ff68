/** 903 outcomes: annual health outcomes (OC2) and care leaver contacts (OC3), recorded facts. */
import type { RecordAnnualHealthOutcomes, RecordCareLeaverContact } from '../commands';
import type { JourneyEvent } from '../events';
import {
  birthdayReportedOn,
  checkContactCodes,
  mustBeCareLeaver,
  notInCareOn,
  oneContactPerBirthday,
} from '../invariants/care-leaver';
import {
  checkHealthFlags,
  checkSdq,
  mustBeLookedAfterAllYear,
  mustBeYearEnd,
  oneOutcomesRecordPerYear,
} from '../invariants/health-outcomes';
import type { JourneyState } from '../state';
import { checkEntry, dataOf } from './common';

export function recordAnnualHealthOutcomes(
  command: RecordAnnualHealthOutcomes,
  state: JourneyState,
): JourneyEvent[] {
  const { date } = checkEntry(command, state);
  mustBeYearEnd(date);
  mustBeLookedAfterAllYear(state, date);
  oneOutcomesRecordPerYear(state, date);
  const dateOfBirth = state.child?.dateOfBirth ?? date;
  checkSdq(command, dateOfBirth);
  checkHealthFlags(command, dateOfBirth);
  return [{ type: 'AnnualHealthOutcomesRecorded', data: dataOf(command) }];
}

export function recordCareLeaverContact(
  command: RecordCareLeaverContact,
  state: JourneyState,
): JourneyEvent[] {
  const { date } = checkEntry(command, state);
  const birthday = birthdayReportedOn(state, date);
  mustBeCareLeaver(state, birthday);
  notInCareOn(state, date);
  oneContactPerBirthday(state, birthday);
  checkContactCodes(command, birthday);
  return [{ type: 'CareLeaverContactRecorded', data: dataOf(command) }];
}
