/** The whole 903 return for a year from the children's records. */
import { ad1Row, placedAdoptionRows, prevPermRow } from './adoption-rows';
import type { ChildRecord } from './child-record';
import { collectionYear, type CollectionYear } from './collection-year';
import { episodeRows } from './episode-rows';
import { toDmy } from './format';
import { headerRow, missingRows, reviewRows, uascRow } from './header-rows';
import { noOutcomes, type OutcomesSource } from './outcomes';
import { emptyReturn, type Return903 } from './tables';

export interface BuildReturnOptions {
  yearEnding: string;
  outcomes?: OutcomesSource;
}

/**
 * Looked after continuously through the year (the OC2 cohort), as the DfE defines it: in care on
 * 1 April, and care did not end before 31 March (leaving on 31 March itself still counts).
 */
function inOc2Cohort(child: ChildRecord, year: CollectionYear): boolean {
  return child.periods.some((p) => p.start <= year.start && (p.end === undefined || p.end >= year.end));
}

export function buildReturn(children: Iterable<ChildRecord>, options: BuildReturnOptions): Return903 {
  const year = collectionYear(options.yearEnding);
  const outcomes = options.outcomes ?? noOutcomes;
  const out = emptyReturn();
  for (const child of children) {
    const episodes = episodeRows(child, year);
    if (episodes.length === 0) continue;
    out.Header.push(headerRow(child, year, true));
    out.Episodes.push(...episodes);
    out.Reviews.push(...reviewRows(child, year));
    out.Missing.push(...missingRows(child, year));
    const uasc = uascRow(child, year);
    if (uasc) out.UASC.push(uasc);
    const ad1 = ad1Row(child, year);
    if (ad1) out.AD1.push(ad1);
    out.PlacedAdoption.push(...placedAdoptionRows(child, year));
    const prev = prevPermRow(child, year);
    if (prev) out.PrevPerm.push(prev);
    if (inOc2Cohort(child, year)) {
      out.OC2.push({ CHILD: child.registration.childRef, DOB: toDmy(child.registration.dateOfBirth), ...outcomes.oc2(child, year) });
    }
  }
  return out;
}
