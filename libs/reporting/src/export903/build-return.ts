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
}

export function buildReturn(children: Iterable<ChildRecord>, options: BuildReturnOptions): Return903 {
  const year = collectionYear(options.yearEnding);
  const out = emptyReturn();
  for (const child of children) {
    const episodes = episodeRows(child, year);
    const oc3 = oc3Row(child, year);
    if (oc3) out.OC3.push(oc3);
    if (episodes.length === 0) {
      // A care leaver not looked after this year is in Header for OC3 only, without motherhood (628).
      if (oc3) out.Header.push(headerRow(child, year, false));
      continue;
    }
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
    const oc2 = oc2Row(child, year);
    if (oc2) out.OC2.push(oc2);
  }
  return out;
}
