import type { Row } from '../tables';
import { checkPlacementChanges } from './placement-change-rules';

const ctx = { yearStart: '2024-04-01', yearEnding: '2025-03-31' };
const foster: Row = { PLACE: 'U6', PL_POST: 'CB4 1AA', URN: 'SC123456', PLACE_PROVIDER: 'PR1' };
const parents: Row = { PLACE: 'P1', PL_POST: 'PE17 4WY', URN: '', PLACE_PROVIDER: 'PR0' };
const row = (DECOM: string, RNE: string, LS: string, details: Row): Row => ({
  CHILD: 'RV8C',
  DECOM,
  RNE,
  LS,
  ...details,
});
const rulesOf = (rows: Row[]) => checkPlacementChanges(rows, ctx).map((f) => [f.rule, f.field]);

describe('self-check: placement changes shown in the episode data (435, 436)', () => {
  it('Given a move to another carer whose details are all the old ones, When checked, Then 435 names it as the validator does', () =>
    expect(
      rulesOf([
        row('15/04/2024', 'S', 'C2', foster),
        row('01/07/2024', 'P', 'C2', foster),
        row('01/10/2024', 'P', 'C2', foster),
      ]),
    ).toEqual([
      ['435', 'PLACE'],
      ['435', 'PLACE'],
    ]));

  it('Given the same move in P1 without a URN, When checked, Then nothing is named (the validator never matches a blank for 435)', () =>
    expect(rulesOf([row('25/04/2024', 'S', 'C1', parents), row('05/05/2024', 'P', 'C1', parents)])).toEqual(
      [],
    ));

  it('Given a legal status change with a new carer whose details are the old ones, When checked, Then 436 names it, blanks matching', () =>
    expect(rulesOf([row('25/04/2024', 'S', 'C1', parents), row('05/05/2024', 'B', 'C2', parents)])).toEqual([
      ['436', 'PLACE'],
    ]));

  it('Given moves that change a detail and RNEs that match the legal status, When checked, Then nothing is named', () =>
    expect(
      rulesOf([
        row('15/04/2024', 'S', 'C1', foster),
        row('01/07/2024', 'P', 'C1', { ...foster, PL_POST: 'CB1 2GF' }),
        row('01/08/2024', 'T', 'C1', { ...foster, PL_POST: 'CB1 2GF', PLACE: 'U4' }),
        row('01/09/2024', 'B', 'C2', foster),
        row('01/10/2024', 'L', 'E1', foster),
      ]),
    ).toEqual([]));

  it('Given RNE P with a legal status change and RNE U without one, When checked, Then 435 and 436 name LS', () =>
    expect(
      rulesOf([
        row('15/04/2024', 'S', 'C1', foster),
        row('01/07/2024', 'P', 'C2', { ...foster, PL_POST: 'CB1 2GF' }),
        row('01/08/2024', 'U', 'C2', foster),
      ]),
    ).toEqual([
      ['435', 'LS'],
      ['436', 'LS'],
    ]));
});
