import type { Row } from '../tables';
import { checkEpisodes } from './episode-rules';

const ctx = { yearStart: '2024-04-01', yearEnding: '2025-03-31' };
const row = (DECOM: string, RNE: string, PLACE: string, DEC = '', REC = ''): Row => ({
  CHILD: 'REV1',
  DECOM,
  RNE,
  LS: 'C1',
  PLACE,
  PLACE_PROVIDER: 'PR1',
  DEC,
  REC,
  REASON_PLACE_CHANGE: '',
  HOME_POST: 'CB4 1UW',
  PL_POST: 'CB1 2GF',
});
const rulesOf = (rows: Row[]) => checkEpisodes(rows, ctx).map((f) => [f.rule, f.field, f.message]);

describe('self-check: episode chain (142)', () => {
  it('Given an episode left open before a later one, When checked, Then 142 names it as the validator does', () =>
    expect(
      rulesOf([row('10/05/2024', 'S', 'U6'), row('01/08/2024', 'S', 'U6', '02/08/2024', 'E4B')]),
    ).toEqual([
      ['142', 'DEC', 'a later episode starts 01/08/2024, but this one has not ended (DEC and REC)'],
    ]));

  it('Given a period ended and the next one starting the day after, When checked, Then nothing is named', () =>
    expect(
      rulesOf([row('10/05/2024', 'S', 'U6', '01/08/2024', 'E4B'), row('02/08/2024', 'S', 'U6')]),
    ).toEqual([]));
});

describe('self-check: care starting again on the day it ended (431, 388)', () => {
  it('Given a period ended E4B and an S episode the same day, When checked, Then 388 and 431 name the two rows as the validator does', () =>
    expect(
      rulesOf([row('10/05/2024', 'S', 'U6', '01/08/2024', 'E4B'), row('01/08/2024', 'S', 'U6')]),
    ).toEqual([
      ['388', 'REC', 'care ended E4B but an episode starts the same day: care continued (X1)'],
      ['431', 'RNE', 'RNE S but the previous episode ended 01/08/2024: care starts again after it ended'],
    ]));
});
