/** OC2 rules: which items a child's age calls for, and how the substance misuse items hang together. */
import type { RecordAnnualHealthOutcomes } from '../commands';
import { violation } from '../errors';
import { isCollectionYearEnd, lookedAfterAllYear, oc2ItemsDue } from '../outcome-rules';
import type { JourneyState } from '../state';
import { requireCode } from './codes';
import { requireBoolean } from './fields';
import { findRecord } from '../fold/journey-log';

export function mustBeYearEnd(date: string): void {
  if (!isCollectionYearEnd(date)) {
    violation(
      'outcomes-not-at-year-end',
      `effectiveDate must be the 31 March ending the collection year, got ${date}.`,
      'effectiveDate',
    );
  }
}

export function mustBeLookedAfterAllYear(state: JourneyState, date: string): void {
  if (!lookedAfterAllYear(state, date)) {
    violation(
      'outcomes-not-looked-after-12-months',
      `Annual health outcomes are for a child looked after continuously for 12 months at ${date}; this child was not.`,
      'effectiveDate',
    );
  }
}

export function oneOutcomesRecordPerYear(state: JourneyState, date: string): void {
  const existing = findRecord(
    state,
    ([, e]) => e.type === 'AnnualHealthOutcomesRecorded' && !e.retracted && e.effectiveDate === date,
  );
  if (existing) {
    violation(
      'outcomes-already-recorded',
      `Annual health outcomes for the year ending ${date} are already recorded (entry ${existing[0]}); amend that entry instead.`,
      'effectiveDate',
    );
  }
}

/** A flag the child's age calls for must be given; one it does not call for must be absent. */
function flagByAge(value: unknown, due: boolean, field: string, why: string): void {
  if (due) requireBoolean(value, field);
  else if (value !== undefined)
    violation('outcome-item-not-applicable', `${field} is not recorded ${why}.`, field);
}

export function checkSdq(command: RecordAnnualHealthOutcomes, dateOfBirth: string): void {
  const due = oc2ItemsDue(dateOfBirth, command.effectiveDate);
  const { sdqScore, sdqReason } = command;
  if (!due.sdq) {
    if (sdqScore !== undefined || sdqReason !== undefined) {
      violation(
        'sdq-not-applicable',
        'No SDQ score or reason is recorded for a child outside the 4 to 16 age range that year.',
        sdqScore !== undefined ? 'sdqScore' : 'sdqReason',
      );
    }
    return;
  }
  if ((sdqScore === undefined) === (sdqReason === undefined)) {
    violation(
      'sdq-score-or-reason',
      'Give either an SDQ score (0–40) or a reason for no score (SDQ1–SDQ5), not both or neither.',
      'sdqScore',
    );
  }
  if (sdqScore !== undefined && !(Number.isInteger(sdqScore) && sdqScore >= 0 && sdqScore <= 40)) {
    violation(
      'invalid-sdq-score',
      `sdqScore must be a whole number from 0 to 40, got ${JSON.stringify(sdqScore)}.`,
      'sdqScore',
    );
  }
  if (sdqReason !== undefined) {
    requireCode('SDQ_REASON', sdqReason, undefined, 'sdqReason', 'invalid-sdq-reason');
    if (sdqReason === 'SDQ1' && !due.sdq1Allowed) {
      violation(
        'sdq1-not-applicable',
        'SDQ1 (too young or too old for the questionnaire) does not fit a child aged 4 to 15 all year.',
        'sdqReason',
      );
    }
  }
}

export function checkHealthFlags(command: RecordAnnualHealthOutcomes, dateOfBirth: string): void {
  const due = oc2ItemsDue(dateOfBirth, command.effectiveDate);
  flagByAge(command.convicted, due.convicted, 'convicted', 'for a child under 10 at 31 March');
  flagByAge(command.healthCheck, due.healthCheck, 'healthCheck', 'for a child aged 5 or over at 31 March');
  for (const field of ['immunisations', 'teethCheck', 'healthAssessment', 'substanceMisuse'] as const) {
    requireBoolean(command[field], field);
  }
  // Intervention received only with a substance misuse problem (192, 193); offered only if not received (158, 159).
  flagByAge(
    command.interventionReceived,
    command.substanceMisuse,
    'interventionReceived',
    'without a substance misuse problem',
  );
  const offeredDue = command.substanceMisuse && command.interventionReceived === false;
  flagByAge(
    command.interventionOffered,
    offeredDue,
    'interventionOffered',
    'unless a substance misuse intervention was not received',
  );
}
