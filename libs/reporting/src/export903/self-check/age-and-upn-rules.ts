/**
 * Age rules on the exported rows, as the DfE validator tests them (rule_352/359/209/210.py):
 * - 352: a period of care (RNE S) must not start on or after the 18th birthday;
 * - 359: an episode still open at the year's end, for a child 18 before it, must be V2 in K2
 *   (accommodation under s20(5) in a community home); in a year still running, for a child not
 *   yet 18 today, it is a warning (the episode is open today, the year's end is to come);
 * - 209: UN1 ("not of school age") for a child 4 by the 31 August before the collection year;
 * - 210: UN4 with an episode starting on or after 24 March of the year's end. The validator names
 *   the Header row and each such Episodes row, and so does this check, so the counts agree.
 * Birthdays are the return's (return-birthday.ts: the validator's DOB + N years, 28 February for a
 * 29 February birthday in a common year); a failure resting on that day says so.
 * - CJ18 (ours, not a DfE rule): a later episode (not RNE S) starting on or after the 18th birthday
 *   in English law, which the journey refuses; the validator's 359 sees it only while it is open.
 */
import { isOfSchoolAgeFor209, schoolAgeReferenceDate } from '@care-journey/journey';
import { fromDmy, toDmy } from '../format';
import { birthdayInLaw, birthdayInReturn, leapDayNote } from '../return-birthday';
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
    const eighteen = birthdayInReturn(dob, 18);
    const eighteenInLaw = birthdayInLaw(dob, 18);
    for (const e of eps) {
      const decom = fromDmy(e.DECOM);
      if (!decom) continue;
      const fail = (rule: string, field: string, message: string) =>
        out.push({ rule, table: 'Episodes', child: h.CHILD, field, message });
      if (e.RNE === 'S' && decom >= eighteen)
        fail(
          '352',
          'DECOM',
          `care starts ${e.DECOM}, on or after the 18th birthday (DOB ${h.DOB})${leapDayNote(dob, 18, decom)}`,
        );
      if (e.RNE !== 'S' && decom >= eighteenInLaw && !inCommunityHomeUnderS20(e))
        fail(
          'CJ18',
          'DECOM',
          `episode from ${e.DECOM} (${e.LS}, ${e.PLACE}) starts on or after the 18th birthday (DOB ${h.DOB}): only V2 in K2 may be (the journey refuses it)`,
        );
      if (!e.DEC && eighteen < ctx.yearEnding && !inCommunityHomeUnderS20(e)) {
        // A running year, a child not yet 18: the episode is open today, not at the year's end.
        if (ctx.runningOn !== undefined && eighteen > ctx.runningOn)
          out.push({
            rule: '359',
            table: 'Episodes',
            child: h.CHILD,
            field: 'LS',
            message: `episode from ${e.DECOM} (${e.LS}, ${e.PLACE}) will fail 359 if still open on ${toDmy(ctx.yearEnding)}: the child turns 18 on ${toDmy(eighteen)} (DOB ${h.DOB}); only V2 in K2 may be`,
            severity: 'warning',
          });
        else
          fail(
            '359',
            'LS',
            `episode from ${e.DECOM} (${e.LS}, ${e.PLACE}) is still open at the year's end, past the 18th birthday (DOB ${h.DOB}): only V2 in K2 may be`,
          );
      }
    }
    if (h.UPN === 'UN1' && isOfSchoolAgeFor209(dob, ctx.yearStart))
      out.push({
        rule: '209',
        table: 'Header',
        child: h.CHILD,
        field: 'UPN',
        message: `UN1 for a child of school age (DOB ${h.DOB}, 4 by ${schoolAgeReferenceDate(ctx.yearStart)})`,
      });
    if (h.UPN === 'UN4') out.push(...un4Failures(h, eps, un4From));
  }
  return out;
}

/**
 * Rule 210 as the validator tests it: UN4 and an episode starting on or after 24 March. Its message
 * ("looked after for more than a week at 31 March") reads the other way round; the test is what
 * the return is judged by. The Header row once, then each Episodes row.
 */
function un4Failures(h: Row, eps: readonly Row[], un4From: string): CheckFailure[] {
  const late = eps.filter((e) => (fromDmy(e.DECOM) ?? '') >= un4From);
  if (late.length === 0) return [];
  const from = late.map((e) => e.DECOM).join(', ');
  return [
    {
      rule: '210',
      table: 'Header',
      child: h.CHILD,
      field: 'UPN',
      message: `UN4 with an episode starting on or after ${un4From} (${from}): record the child's UPN`,
    },
    ...late.map((e): CheckFailure => ({
      rule: '210',
      table: 'Episodes',
      child: h.CHILD,
      field: 'DECOM',
      message: `episode from ${e.DECOM}, on or after ${un4From}, for a child returned with UPN UN4`,
    })),
  ];
}
