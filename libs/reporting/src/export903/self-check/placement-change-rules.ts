/**
 * DfE rules 435 and 436: an episode whose RNE says the placement changed (P/T alone, B/U with the
 * legal status) must show it in PLACE, PL_POST, URN or PLACE_PROVIDER. A move to another carer with
 * the same details is still a new episode (RNE P is a change of placement and carer), so the return
 * carries it and these rules flag it: named here so ours and the validator's counts agree and the
 * authority can check the new carer's details before submitting.
 *
 * Compared as the pinned validator compares, with the previous row of the same child in the year:
 * 435 treats a blank as equal to nothing (a P1 row without URN never matches), 436 fills blanks first
 * (two blanks match).
 */
import type { Row } from '../tables';
import type { CheckContext, CheckFailure } from './failure';
import { episodesByChild } from './episodes-by-child';

const DETAILS = ['PLACE', 'PL_POST', 'URN', 'PLACE_PROVIDER'] as const;

const sameDetails = (a: Row, b: Row, blanksMatch: boolean): boolean =>
  DETAILS.every((f) => (a[f] ?? '') === (b[f] ?? '') && (blanksMatch || (a[f] ?? '') !== ''));

export function checkPlacementChanges(rows: readonly Row[], _ctx: CheckContext): CheckFailure[] {
  const out: CheckFailure[] = [];
  for (const [child, eps] of episodesByChild(rows)) {
    eps.forEach((e, i) => {
      const prev = eps[i - 1];
      if (!prev) return;
      const fail = (rule: string, field: string, message: string) =>
        out.push({ rule, table: 'Episodes', child, field, message });
      if (e.RNE === 'P' || e.RNE === 'T') {
        if (e.LS !== prev.LS)
          fail('435', 'LS', `RNE ${e.RNE} on ${e.DECOM} is a placement change only, but LS changed`);
        else if (sameDetails(e, prev, false))
          fail('435', 'PLACE', `${unchanged(e)} (RNE ${e.RNE}); ${carerHint(e)}`);
      }
      if (e.RNE === 'B' || e.RNE === 'U') {
        if (e.LS === prev.LS)
          fail('436', 'LS', `RNE ${e.RNE} on ${e.DECOM} changes the legal status, but LS is unchanged`);
        else if (sameDetails(e, prev, true))
          fail('436', 'PLACE', `${unchanged(e)} (RNE ${e.RNE}); ${carerHint(e)}`);
      }
    });
  }
  return out;
}

const unchanged = (e: Row): string =>
  `the episode from ${e.DECOM} has the previous episode's PLACE, PL_POST, URN and PLACE_PROVIDER`;

const carerHint = (e: Row): string =>
  e.RNE === 'P' || e.RNE === 'B'
    ? "a move to another carer recorded with the old carer's details: check the new carer's postcode and URN"
    : 'a same-carer change that changes nothing';
