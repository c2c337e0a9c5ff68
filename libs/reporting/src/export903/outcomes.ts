/**
 * OC2 (looked after 12 months at 31 March) and OC3 (care leavers) rows from the recorded outcomes.
 * Who is in each table is the domain's rule (outcome-rules.ts), the same one decide enforced when
 * the outcomes were recorded. A child in a cohort with nothing recorded gets a row with blank items:
 * the return then shows the gap (903 rules 191 and 153 name it) rather than inventing an answer.
 */
import {
  careLeaverBirthdayInYear,
  careLeaverBirthdayNear,
  lookedAfterAllYear,
  notACareLeaverAt,
  type CareHistory,
  type EventData,
} from '@care-journey/journey';
import type { ChildRecord } from './child-record';
import type { CollectionYear } from './collection-year';
import { toDmy } from './format';
import type { Row } from './tables';

const flag = (value: boolean | undefined): string => (value === undefined ? '' : value ? '1' : '0');

function oc2Items(outcomes: EventData<'AnnualHealthOutcomesRecorded'> | undefined): Row {
  return {
    SDQ_SCORE: outcomes?.sdqScore === undefined ? '' : String(outcomes.sdqScore),
    SDQ_REASON: outcomes?.sdqReason ?? '',
    CONVICTED: flag(outcomes?.convicted),
    HEALTH_CHECK: flag(outcomes?.healthCheck),
    IMMUNISATIONS: flag(outcomes?.immunisations),
    TEETH_CHECK: flag(outcomes?.teethCheck),
    HEALTH_ASSESSMENT: flag(outcomes?.healthAssessment),
    SUBSTANCE_MISUSE: flag(outcomes?.substanceMisuse),
    INTERVENTION_RECEIVED: flag(outcomes?.interventionReceived),
    INTERVENTION_OFFERED: flag(outcomes?.interventionOffered),
  };
}

const periodsOf = (child: ChildRecord) =>
  child.periods.map((p) => ({ startDate: p.start, endDate: p.end, endReason: p.reason }));

// Episodes hold the legal status spells (split at placement moves too: same days).
const legalStatusesOf = (child: ChildRecord) =>
  child.episodes.map((e) => ({ legalStatus: e.ls, startDate: e.decom, endDate: e.dec }));

/** The child's care as the domain's outcome rules read it (also for the care leavers' contacts due). */
export const careHistoryOf = (child: ChildRecord): CareHistory => ({
  dateOfBirth: child.registration.dateOfBirth,
  periodsOfCare: periodsOf(child),
  legalStatuses: legalStatusesOf(child),
});

/** The OC2 row of a child looked after continuously for 12 months at the year's 31 March. */
export function oc2Row(child: ChildRecord, year: CollectionYear): Row | undefined {
  const care = { periodsOfCare: periodsOf(child), legalStatuses: legalStatusesOf(child) };
  if (!lookedAfterAllYear(care, year.end)) return undefined;
  const r = child.registration;
  const outcomes = child.healthOutcomes.find((o) => o.effectiveDate === year.end);
  return { CHILD: r.childRef, DOB: toDmy(r.dateOfBirth), ...oc2Items(outcomes) };
}

/** The OC3 row of a care leaver whose 17th–21st birthday falls in the year (blank if not contacted). */
export function oc3Row(child: ChildRecord, year: CollectionYear): Row | undefined {
  const r = child.registration;
  const birthday = careLeaverBirthdayInYear(r.dateOfBirth, year.end);
  if (!birthday) return undefined;
  if (notACareLeaverAt(careHistoryOf(child), birthday.date) !== undefined) return undefined;
  const contact = child.careLeaverContacts.find(
    (c) => careLeaverBirthdayNear(r.dateOfBirth, c.effectiveDate)?.age === birthday.age,
  );
  return {
    CHILD: r.childRef,
    DOB: toDmy(r.dateOfBirth),
    IN_TOUCH: contact?.inTouch ?? '',
    ACTIV: contact?.activity ?? '',
    ACCOM: contact?.accommodation ?? '',
  };
}
