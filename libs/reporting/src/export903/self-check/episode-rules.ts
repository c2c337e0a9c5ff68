/**
 * Episode chain rules (DfE codes 142, 355/356, 357, 388, 431, 432/433, 225/226, 390, 516,
 * 392d, 550), checked per child on the exported rows. Temporary placements: temporary-placement-rules.ts.
 */
import { fromDmy } from '../format';
import type { Row } from '../tables';
import type { CheckContext, CheckFailure } from './failure';
import { episodesByChild, isTemporaryPlace } from './episodes-by-child';

export function checkEpisodes(rows: readonly Row[], _ctx: CheckContext): CheckFailure[] {
  const out: CheckFailure[] = [];
  for (const [child, eps] of episodesByChild(rows)) {
    const fail = (rule: string, field: string, message: string) =>
      out.push({ rule, table: 'Episodes', child, field, message });
    eps.forEach((e, i) => {
      const decom = fromDmy(e.DECOM);
      const dec = fromDmy(e.DEC);
      if (!decom) fail('141', 'DECOM', `DECOM ${e.DECOM} is not a dd/mm/YYYY date`);
      if (e.DEC && !dec) fail('147', 'DEC', `DEC ${e.DEC} is not a dd/mm/YYYY date`);
      if (decom && dec && dec <= decom)
        fail('355', 'DEC', `episode from ${e.DECOM} ends ${e.DEC}: it must last at least a day`);
      if (!!e.DEC !== !!e.REC) fail('148', 'REC', 'DEC and REC must both be given or both be blank');
      if (e.PLACE_PROVIDER === 'PR0' && e.PLACE !== 'P1')
        fail('550', 'PLACE_PROVIDER', 'PR0 is only used with P1');
      if (e.HOME_POST && e.PL_POST && e.HOME_POST === e.PL_POST && e.PLACE !== 'P1')
        fail('392d', 'PL_POST', 'home and placement postcodes are the same but PLACE is not P1');
      const next = eps[i + 1];
      const prev = eps[i - 1];
      if (next && (!e.DEC || !e.REC))
        fail('142', 'DEC', `a later episode starts ${next.DECOM}, but this one has not ended (DEC and REC)`);
      if (i === 0 && prev === undefined && e.RNE !== 'S' && decom && decom >= _ctx.yearStart)
        fail('357', 'RNE', 'the first episode must start with RNE S');
      if (prev && prev.REC && prev.REC !== 'X1' && e.RNE !== 'S')
        fail('432', 'RNE', `care ended (${prev.REC}) before this episode, so RNE must be S`);
      const prevDec = prev ? fromDmy(prev.DEC) : undefined;
      if (e.RNE === 'S' && decom && prevDec && decom <= prevDec)
        fail(
          '431',
          'RNE',
          `RNE S but the previous episode ended ${prev!.DEC}: care starts again after it ended`,
        );
      if (e.REC && e.REC !== 'X1' && next && next.DECOM === e.DEC)
        fail('388', 'REC', `care ended ${e.REC} but an episode starts the same day: care continued (X1)`);
      if (e.REC === 'X1') {
        if (!next) fail('388', 'REC', 'REC X1 but no continuation episode');
        else if (next.DECOM !== e.DEC)
          fail('433', 'DECOM', `continuation episode starts ${next.DECOM}, not on ${e.DEC}`);
      }
      const needsReason =
        e.REC === 'X1' &&
        next !== undefined &&
        ['P', 'B', 'T', 'U'].includes(next.RNE) &&
        !isTemporaryPlace(e.PLACE) &&
        !isTemporaryPlace(next.PLACE);
      if (needsReason && !e.REASON_PLACE_CHANGE)
        fail('225', 'REASON_PLACE_CHANGE', 'the placement changed: the reason must be recorded');
      if (!needsReason && e.REASON_PLACE_CHANGE)
        fail('226', 'REASON_PLACE_CHANGE', 'a reason for placement change is not required here');
      if (
        (e.REC === 'E11' || e.REC === 'E12') &&
        !eps.slice(0, i + 1).some((x) => /^A[3-6]$/.test(x.PLACE))
      ) {
        fail('390', 'REC', 'adopted but never placed for adoption (A3–A6)');
      }
      if ((e.REC === 'E45' || e.REC === 'E46') && !/^U[1-6]$/.test(e.PLACE))
        fail('516', 'REC', `${e.REC} needs a foster placement U1–U6`);
    });
  }
  return out;
}
