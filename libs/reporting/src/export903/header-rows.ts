/** Header, UASC, Reviews and Missing rows: the child-level tables read straight from the journey. */
import type { CalendarDate } from '@care-journey/journey';
import type { ChildRecord } from './child-record';
import { overlapsYear, type CollectionYear } from './collection-year';
import { sexCode, toDmy } from './format';
import { birthdayInReturn } from './return-birthday';
import type { Row } from './tables';

export function headerRow(
  child: ChildRecord,
  year: CollectionYear,
  /** The 903 asks this year's motherhood (rules 393, 399, 628): not for OC3 only or short breaks only. */
  motherAsked: boolean,
  codesOf: CalendarDate = year.end,
): Row {
  const r = child.registration;
  return {
    CHILD: r.childRef,
    SEX: sexCode(r.sex, codesOf),
    DOB: toDmy(r.dateOfBirth),
    ETHNIC: r.ethnicity,
    UPN: r.upn,
    // Motherhood is not recorded in the journey yet: a girl it is asked of is returned as not a
    // mother, since the validator refuses a blank for her (393, 607): docs/reporting.md.
    MOTHER: r.sex === '2' && motherAsked ? '0' : '',
    MC_DOB: '',
  };
}

/**
 * DUC is the date UASC status ceased or, while it has not, the date it will: the 18th birthday
 * (rule 304: never later), written even when it falls after 31 March. Rule 205B reads it so: a
 * child UASC in both years must have last year's DUC equal to the 18th birthday and this year's
 * DUC in this year or unchanged; a blank DUC last year is flagged. The journey records UASC as a
 * status at registration, with no earlier end, so DUC is always the 18th birthday as the return
 * reckons it (return-birthday.ts: 28 February in a common year for a 29 February birthday, the
 * validator's DOB + 18 years; rule 304 refuses a later DUC, so not 1 March as in law).
 */
export function uascRow(
  child: ChildRecord,
  year: CollectionYear,
  codesOf: CalendarDate = year.end,
): Row | undefined {
  const r = child.registration;
  if (!r.uasc) return undefined;
  return {
    CHILD: r.childRef,
    SEX: sexCode(r.sex, codesOf),
    DOB: toDmy(r.dateOfBirth),
    DUC: toDmy(birthdayInReturn(r.dateOfBirth, 18)),
  };
}

export function reviewRows(child: ChildRecord, year: CollectionYear): Row[] {
  return child.reviews
    .filter((v) => v.date >= year.start && v.date <= year.end)
    .map((v) => ({
      CHILD: child.registration.childRef,
      DOB: toDmy(child.registration.dateOfBirth),
      REVIEW: toDmy(v.date),
      REVIEW_CODE: v.participation,
    }));
}

export function missingRows(child: ChildRecord, year: CollectionYear): Row[] {
  return child.missing
    .filter((m) => overlapsYear(year, m.start, m.end))
    .map((m) => ({
      CHILD: child.registration.childRef,
      DOB: toDmy(child.registration.dateOfBirth),
      MISSING: m.kind,
      MIS_START: toDmy(m.start),
      MIS_END: m.end !== undefined && m.end <= year.end ? toDmy(m.end) : '',
    }));
}
