/** The whole 903 return for a year from the children's records. */
import { ad1Row, placedAdoptionRows, prevPermRow } from './adoption-rows';
import type { ChildRecord } from './child-record';
import { collectionYear } from './collection-year';
import { episodeRows } from './episode-rows';
import { headerRow, missingRows, reviewRows, uascRow } from './header-rows';
import { oc2Row, oc3Row } from './outcomes';
import { emptyReturn, type Return903 } from './tables';

export interface BuildReturnOptions {
  yearEnding: string;
  /**
   * The year ending (YYYY-03-31) whose code lists to write, when not `yearEnding`'s own. Only SEX
   * differs so far (1/2 to 2023/24, M/F/U from 2024/25). Set it to next year's ending to write this
   * year's return as the "last year" input of next year's two-year check: rule 202 compares SEX
   * across the two files as text, so a 2023/24 return in its own 1/2 coding conflicts with every
   * continuing child's 2024/25 M/F. The return for submission keeps its own year's codes.
   */
  codesOf?: string;
}

export function buildReturn(children: Iterable<ChildRecord>, options: BuildReturnOptions): Return903 {
  const year = collectionYear(options.yearEnding);
  const codesOf = options.codesOf === undefined ? year.end : collectionYear(options.codesOf).end;
  const out = emptyReturn();
  for (const child of children) {
    const episodes = episodeRows(child, year);
    const oc3 = oc3Row(child, year);
    if (oc3) out.OC3.push(oc3);
    if (episodes.length === 0) {
      // A care leaver not looked after this year is in Header for OC3 only, without motherhood (628).
      if (oc3) out.Header.push(headerRow(child, year, false, codesOf));
      continue;
    }
    // MOTHER is asked of a girl with an episode not on short breaks (393), never of one only on V3/V4 (399).
    const motherAsked = episodes.some((e) => e.LS !== 'V3' && e.LS !== 'V4');
    out.Header.push(headerRow(child, year, motherAsked, codesOf));
    out.Episodes.push(...episodes);
    out.Reviews.push(...reviewRows(child, year));
    out.Missing.push(...missingRows(child, year));
    const uasc = uascRow(child, year, codesOf);
    if (uasc) out.UASC.push(uasc);
    const ad1 = ad1Row(child, year);
    if (ad1) out.AD1.push(ad1);
    out.PlacedAdoption.push(...placedAdoptionRows(child, year));
    const prev = prevPermRow(child, year);
    if (prev) out.PrevPerm.push(prev);
    const oc2 = oc2Row(child, year);
    if (oc2) out.OC2.push(oc2);
  }
  return out;
}
