/**
 * 146: every Episodes row's PLACE is in the code list of the return's collection year, whatever the
 * row's dates (the DfE validator checks each row of the year's file against that year's list). So a
 * withdrawn code is named on any row it reaches: H5, P2 and Z1 in 2025/26 or later (replaced by K3
 * and Z11–Z14), K3 before 2024/25, Z11–Z14 before 2025/26. The journey refuses new episodes in a
 * withdrawn code and asks for the successor (withdrawn-placement-types.ts in libs/journey); an H5
 * episode still running on 1 April, re-recorded as K3 from that day or later, is what remains.
 */
import { isListedInYear } from '@care-journey/journey';
import type { Row } from '../tables';
import type { CheckContext, CheckFailure } from './failure';

export function checkPlacementCodes(rows: readonly Row[], ctx: CheckContext): CheckFailure[] {
  const year = { start: ctx.yearStart, end: ctx.yearEnding };
  const out: CheckFailure[] = [];
  for (const e of rows) {
    if (!e.PLACE || isListedInYear('PLACE', e.PLACE, year)) continue;
    out.push({
      rule: '146',
      table: 'Episodes',
      child: e.CHILD,
      field: 'PLACE',
      message: `PLACE ${e.PLACE} (episode from ${e.DECOM}${e.DEC ? ` to ${e.DEC}` : ', open'}) is not in the ${ctx.yearStart.slice(0, 4)}/${ctx.yearEnding.slice(2, 4)} placement type code list`,
    });
  }
  return out;
}
