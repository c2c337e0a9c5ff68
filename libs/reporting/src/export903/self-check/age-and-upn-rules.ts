/**
 * Age rules on the exported rows, as the DfE validator reads them:
 * - 352: a period of care (RNE S) must not start on or after the 18th birthday;
 * - 359: past the 18th birthday only accommodation under s20(5) in a community home (LS V2, PLACE K2)
 *   goes on: an episode that starts at 18+, or is still open at the year's end for a child 18 by then,
 *   is reported unless it is V2 in K2;
 * - 209: UN1 ("not of school age") for a child 4 by the 31 August before the collection year;
 * - 210: UN4 with an episode starting on or after 24 March of the year's end (the validator's test).
 * The 18th birthday is DOB + 18 years as the validator computes it (28 February for a 29 February
 * birthday in a common year), so the check reports what the validator would.
 */
import { addMonths, isOfSchoolAgeFor209, schoolAgeReferenceDate } from '@care-journey/journey';
import { fromDmy } from '../format';
import type { Return903, Row } from '../tables';
import type { CheckContext, CheckFailure } from './failure';

const inCommunityHomeUnderS20 = (e: Row): boolean => e.LS === 'V2' && e.PLACE === 'K2';

export function checkAgeAndUpn(tables: Return903, ctx: CheckContext): CheckFailure[] {
  const out: CheckFailure[] = [];
  const episodesOf = new Map<string, Row[]>();
  for (const e of tables.Episodes) episodesOf.set(e.CHILD, [...(episodesOf.get(e.CHILD) ?? []), e]);
  const un4From = `${ctx.yearEnding.slice(0, 4)}-03-24`;
  for (const h of tables.Header) {
    const dob = fromDmy(h.DOB);
    if (!dob) continue;
    const eps = episodesOf.get(h.CHILD) ?? [];
    const eighteen = addMonths(dob, 18 * 12);
    for (const e of eps) {
      const decom = fromDmy(e.DECOM);
      if (!decom) continue;
      const startsAdult = decom >= eighteen;
      const fail = (rule: string, field: string, message: string) =>
        out.push({ rule, table: 'Episodes', child: h.CHILD, field, message });
      if (startsAdult && e.RNE === 'S')
        fail('352', 'DECOM', `care starts ${e.DECOM}, on or after the 18th birthday (DOB ${h.DOB})`);
      else if ((startsAdult || (!e.DEC && eighteen < ctx.yearEnding)) && !inCommunityHomeUnderS20(e))
        fail(
          '359',
          'LS',
          `episode from ${e.DECOM} (${e.LS}, ${e.PLACE}) is looked after past the 18th birthday (DOB ${h.DOB}): only V2 in K2 may be`,
        );
    }
    if (h.UPN === 'UN1' && isOfSchoolAgeFor209(dob, ctx.yearStart))
      out.push({
        rule: '209',
        table: 'Header',
        child: h.CHILD,
        field: 'UPN',
        message: `UN1 for a child of school age (DOB ${h.DOB}, 4 by ${schoolAgeReferenceDate(ctx.yearStart)})`,
      });
    if (h.UPN === 'UN4' && eps.some((e) => (fromDmy(e.DECOM) ?? '') >= un4From))
      out.push({
        rule: '210',
        table: 'Header',
        child: h.CHILD,
        field: 'UPN',
        message: `UN4 with an episode starting on or after ${un4From}`,
      });
  }
  return out;
}
