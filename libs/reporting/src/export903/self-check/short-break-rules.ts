/**
 * Short breaks (V3/V4) in the Episodes table, as the DfE validator checks them:
 * - 214: no PL_POST or URN; 398: no HOME_POST or PL_POST; 420: no PL_LA, which the validator
 *   derives from PL_POST (so a PL_POST on a V3/V4 row fails 420 too);
 * - 384: not in a long-term foster placement (U1/U4);
 * - 218 on a short-break row: the pinned validator's 218 asks for a URN whatever the LS (unless the
 *   PLACE is exempt or PL_LA, derived from PL_POST, is outside England), so from 2025/26 a V3/V4 row
 *   in, say, U6 fails 218 once 214 has blanked its URN. The two rules cannot both pass there; we
 *   follow 214 (the short-break rule) and name the 218 the validator will raise, so the two checks
 *   agree. Up to 2024/25 the validator's 218 reads a blank PL_LA as outside England (it tests the
 *   text "nan" for a leading N, W, S or C), so a row without PL_POST (every short break) never
 *   fails it, and nothing is named (`rule218`);
 * - 365, 367: how long V3 breaks last, in a finished year and in one still running
 *   (short-break-length-rules.ts).
 * The journey refuses 384 on entry.
 */
import { isShortBreak } from '@care-journey/journey';
import type { Row } from '../tables';
import type { CheckContext, CheckFailure } from './failure';
import { placesWithoutUrn } from './location-rules';
import { checkShortBreakLengths } from './short-break-length-rules';
import { dateOf, span } from './short-break-episode';

/**
 * Rule 218 as the pinned validator has it for the return's year (lac20xx_yy rule_218.py): its
 * exempt PLACE codes (location-rules.ts), and whether a blank PL_LA counts as England: from 2025/26
 * (PL_LA outside England only as CON, NIR, SCO, WAL or NUK); up to 2024/25 a blank PL_LA
 * (pandas' "nan", upper-cased) starts with N and so counts as outside England.
 */
const rule218 = (yearEnding: string) => ({
  exempt: placesWithoutUrn(yearEnding),
  blankPlLaIsEngland: yearEnding >= '2026-03-31',
});

export function checkShortBreaks(rows: readonly Row[], ctx: CheckContext): CheckFailure[] {
  const out: CheckFailure[] = [];
  const fail = (rule: string, e: Row, field: string, message: string) =>
    out.push({ rule, table: 'Episodes', child: e.CHILD, field, message: `${e.LS} ${span(e)}: ${message}` });
  const urnRule = rule218(ctx.yearEnding);
  for (const e of rows) {
    if (!isShortBreak(e.LS)) continue;
    if (e.PL_POST) fail('214', e, 'PL_POST', 'no placement postcode is returned for short breaks');
    if (e.URN) fail('214', e, 'URN', 'no URN is returned for short breaks');
    if (e.HOME_POST) fail('398', e, 'HOME_POST', 'no home postcode is returned for short breaks');
    if (e.PL_POST) fail('398', e, 'PL_POST', 'no placement postcode is returned for short breaks');
    if (e.PL_POST)
      fail('420', e, 'PL_POST', 'the validator derives PL_LA from PL_POST; no PL_LA for short breaks');
    if (e.PLACE === 'U1' || e.PLACE === 'U4')
      fail(
        '384',
        e,
        'PLACE',
        `a child on short breaks cannot be in a long-term foster placement (${e.PLACE})`,
      );
    const endsInYear = !e.DEC || (dateOf(e.DEC) ?? '') >= ctx.yearStart;
    if (
      !e.URN &&
      !e.PL_POST &&
      urnRule.blankPlLaIsEngland &&
      !urnRule.exempt.includes(e.PLACE ?? '') &&
      endsInYear
    )
      fail(
        '218',
        e,
        'URN',
        'the validator asks for a URN here although rule 214 forbids one on short breaks',
      );
  }
  out.push(...checkShortBreakLengths(rows, ctx));
  return out;
}
