import { dateInEngland } from '../england-time';
import type { ChangeAllocation, RegisterChild } from '../commands';
import type { JourneyEvent } from '../events';
import { requireCode } from '../invariants/codes';
import { checkSex, checkUpn } from '../invariants/child-details';
import { un1OnlyBelowSchoolAge } from '../invariants/unknown-upn';
import { notAfterRecording } from '../invariants/dates';
import { requireBoolean, requireDate, requireRecording, requireText } from '../invariants/fields';
import { mustNotBeRegistered } from '../invariants/registration';
import { violation } from '../errors';
import type { JourneyState } from '../state';
import { checkEntry, dataOf } from './common';

export function registerChild(command: RegisterChild, state: JourneyState): JourneyEvent[] {
  requireRecording(command.now, command.recordedBy);
  mustNotBeRegistered(state);
  const today = dateInEngland(command.now);
  requireText(command.childId, 'childId');
  requireText(command.childRef, 'childRef');
  requireText(command.name, 'name');
  const dob = requireDate(command.dateOfBirth, 'dateOfBirth');
  notAfterRecording(dob, today, 'dateOfBirth');
  const known = requireDate(command.effectiveDate, 'effectiveDate');
  notAfterRecording(known, today, 'effectiveDate');
  if (known < dob)
    violation(
      'date-before-birth',
      `effectiveDate ${known} is before the child's date of birth (${dob}).`,
      'effectiveDate',
    );
  checkSex(command.sex);
  requireCode('ETHNIC', command.ethnicity, known, 'ethnicity', 'invalid-ethnicity');
  checkUpn(command.upn);
  un1OnlyBelowSchoolAge(command.upn, dob, known, 'the registration');
  requireBoolean(command.uasc, 'uasc');
  requireBoolean(command.relinquishedAtBirth, 'relinquishedAtBirth');
  requireText(command.team, 'team');
  requireText(command.socialWorker, 'socialWorker');
  return [{ type: 'ChildRegistered', data: dataOf(command) }];
}

export function changeAllocation(command: ChangeAllocation, state: JourneyState): JourneyEvent[] {
  checkEntry(command, state);
  requireText(command.team, 'team');
  requireText(command.socialWorker, 'socialWorker');
  return [{ type: 'AllocationChanged', data: dataOf(command) }];
}
