/** Header, UASC, Reviews and Missing rows: the child-level tables read straight from the journey. */
import { addMonths } from '@care-journey/journey';
import type { ChildRecord } from './child-record';
import { overlapsYear, type CollectionYear } from './collection-year';
import { sexCode, toDmy } from './format';
import type { Row } from './tables';

export function headerRow(child: ChildRecord, year: CollectionYear, lookedAfterInYear: boolean): Row {
  const r = child.registration;
  return {
    CHILD: r.childRef,
    SEX: sexCode(r.sex, year.end),
    DOB: toDmy(r.dateOfBirth),
    ETHNIC: r.ethnicity,
    UPN: r.upn,
    // Motherhood is not recorded in the journey yet: girls looked after are returned as not mothers.
    MOTHER: r.sex === '2' && lookedAfterInYear ? '0' : '',
    MC_DOB: '',
  };
}

export function uascRow(child: ChildRecord, year: CollectionYear): Row | undefined {
  const r = child.registration;
  if (!r.uasc) return undefined;
  // UASC status ends at 18 at the latest (903 rule 304).
  const eighteenth = addMonths(r.dateOfBirth, 216);
  return {
    CHILD: r.childRef,
    SEX: sexCode(r.sex, year.end),
    DOB: toDmy(r.dateOfBirth),
    DUC: eighteenth <= year.end ? toDmy(eighteenth) : '',
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
