/**
 * Temporary placements (T0–T4) as the DfE validator tests them (rules 380, 381, 383): an episode in
 * one starts with RNE P or B; care does not end in one; the episode after one is RNE P, back to the
 * PLACE (from 2025/26 also the PL_POST) of the episode before it. National definitions §1.3.
 */
import type { Row } from '../tables';
import type { CheckContext, CheckFailure } from './failure';
import { episodesByChild, isTemporaryPlace } from './episodes-by-child';

/** 383 compares PL_POST from 2025/26; read by pandas, a blank never equals a blank. */
const postcodeComparedFrom = '2026-03-31';
const samePostcode = (a: string | undefined, b: string | undefined): boolean => !!a && !!b && a === b;

export function checkTemporaryPlacements(rows: readonly Row[], ctx: CheckContext): CheckFailure[] {
  const out: CheckFailure[] = [];
  for (const [child, eps] of episodesByChild(rows)) {
    const fail = (rule: string, field: string, message: string) =>
      out.push({ rule, table: 'Episodes', child, field, message });
    eps.forEach((e, i) => {
      if (isTemporaryPlace(e.PLACE) && e.RNE !== 'P' && e.RNE !== 'B')
        fail(
          '380',
          'RNE',
          `a ${e.PLACE} episode starts with RNE P or B, not ${e.RNE}: care cannot start in one, nor the legal status change during one`,
        );
      if (isTemporaryPlace(e.PLACE) && e.REC && e.REC !== 'X1')
        fail('381', 'PLACE', 'a period of care cannot end with a temporary placement');
      const away = eps[i - 1];
      const before = eps[i - 2];
      if (!away || !before || !isTemporaryPlace(away.PLACE)) return;
      if (e.RNE !== 'P')
        fail(
          '383',
          'RNE',
          `after ${away.PLACE} the return to ${e.PLACE} must be RNE P (a change of placement only), not ${e.RNE}`,
        );
      else if (e.PLACE !== before.PLACE)
        fail('383', 'PLACE', `after ${away.PLACE} the child must return to ${before.PLACE}`);
      else if (ctx.yearEnding >= postcodeComparedFrom && !samePostcode(e.PL_POST, before.PL_POST))
        fail(
          '383',
          'PL_POST',
          `after ${away.PLACE} the child must return to the placement at ${before.PL_POST || '(blank)'}`,
        );
    });
  }
  return out;
}
