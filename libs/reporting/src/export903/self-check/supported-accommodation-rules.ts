/**
 * The October 2023 supported-accommodation change as the 2023/24 rules check it (both deleted from
 * 2024/25): 217t, a P2 episode that ends after 28/10/2023 or is still open; 230, an English H5
 * episode that ends on or after 29/10/2023, or is still open, without an Ofsted URN (blank or
 * XXXXXXX). The journey refuses such placements; an episode still open at the year end with nothing
 * recorded after it is what remains, and this names it.
 */
import { isOutsideEngland } from '@care-journey/journey';
import { fromDmy } from '../format';
import type { Row } from '../tables';
import type { CheckContext, CheckFailure } from './failure';

const LAST_DAY = '2023-10-28';
const hasUrn = (urn: string | undefined): boolean => !!urn && urn.trim().toUpperCase() !== 'XXXXXXX';

export function checkSupportedAccommodation(rows: readonly Row[], ctx: CheckContext): CheckFailure[] {
  if (ctx.yearEnding !== '2024-03-31') return [];
  const out: CheckFailure[] = [];
  for (const e of rows) {
    const dec = fromDmy(e.DEC);
    const runsPast = dec === undefined || dec > LAST_DAY;
    if (e.PLACE === 'P2' && runsPast)
      out.push({
        rule: '217t',
        table: 'Episodes',
        child: e.CHILD,
        field: 'PLACE',
        message: `P2 from ${e.DECOM} ${e.DEC ? `ends ${e.DEC}` : 'is still open'}: P2 is not a placement from 28 October 2023`,
      });
    if (e.PLACE === 'H5' && runsPast && !hasUrn(e.URN) && !isOutsideEngland(e.PL_POST))
      out.push({
        rule: '230',
        table: 'Episodes',
        child: e.CHILD,
        field: 'URN',
        message: `H5 from ${e.DECOM} ${e.DEC ? `ends ${e.DEC}` : 'is still open'} without an Ofsted URN: required from 28 October 2023`,
      });
  }
  return out;
}
