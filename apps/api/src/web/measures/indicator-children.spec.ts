import { DEFAULT_AUTHORITY_CONFIG } from '@care-journey/projections';
import { scorecard, stability } from '@care-journey/projections';
import { journey } from '../../../../../libs/projections/src/testing/journey-builder';
import { indicatorChildren, isIndicatorId } from './indicator-children';

/** Four children at 31 March 2025, counted by hand in each comment. */
const summaries = [
  // A: 3 placements in the year ending 31 March 2025: in ST1's numerator.
  journey('A')
    .registered('2015-01-01', { dateOfBirth: '2015-01-01' })
    .startCare('2024-01-01')
    .move('2024-06-01')
    .move('2024-12-01'),
  // B: one placement since 2020: looked at for ST1, not counted.
  journey('B').registered('2015-06-01', { dateOfBirth: '2015-06-01' }).startCare('2020-01-01'),
  // S1: entered 1 Jan 2022, moved in with adopters 1 Oct 2022 (273 days), authority 1 Jun, match 1 Sep (92).
  journey('S1')
    .registered('2021-01-01')
    .startCare('2022-01-01')
    .placementOrder('2022-06-01')
    .match('2022-09-01')
    .placedForAdoption('2022-10-01')
    .adopted('2023-04-01'),
  // S4: no placement order; moved in after 212 days (1 Jan → 1 Aug 2023): in A1/A3, not A2.
  journey('S4')
    .registered('2022-06-01')
    .startCare('2023-01-01')
    .placedForAdoption('2023-08-01')
    .adopted('2024-06-01'),
].map((b) => b.summary());

describe('the children behind an indicator of the measures page', () => {
  it('Given ST1 for the year to 31 March 2025, When listed, Then its figures are the library’s and the counted child comes first', () => {
    const st1 = stability(summaries, '2025-03-31')[0];
    const listed = indicatorChildren(summaries, 'ST1', '2025-03-31', DEFAULT_AUTHORITY_CONFIG.scorecard);
    expect(listed).toMatchObject({
      kind: 'share',
      numerator: st1.numerator,
      denominator: st1.denominator,
      figure: st1.percentage,
      countedMeans: '3 or more placements',
    });
    expect(listed.children.map((c) => [c.childId, c.counted])).toEqual([
      ['A', true],
      ['B', false],
    ]);
    expect(listed.children[0].cells).toEqual(['2024-01-01', '3']);
  });

  it('Given adopted children, When A1 is listed, Then its numerator is the total days and its denominator the children counted, with each child’s days', () => {
    const card = scorecard(summaries, '2025-03-31');
    const a1 = indicatorChildren(summaries, 'A1', '2025-03-31', DEFAULT_AUTHORITY_CONFIG.scorecard);
    expect(a1).toMatchObject({
      kind: 'mean-days',
      numerator: 273 + 212,
      denominator: 2,
      figure: card.A1.meanDays,
      thresholdDays: 426,
      meetsThreshold: true,
      periodStart: '2022-04-01',
    });
    expect(a1.children.map((c) => [c.childId, c.cells])).toEqual([
      ['S1', ['2022-01-01', '2022-10-01', '2023-04-01', '273']],
      ['S4', ['2023-01-01', '2023-08-01', '2024-06-01', '212']],
    ]);
  });

  it('Given a child who entered care and moved in before the three years, When A1, A2, A3 and A10 are listed, Then each row shows the adoption order that puts the child in the period', () => {
    // S1 entered care on 1 Jan 2022, before the three years from 1 April 2022; its order (1 April 2023) is inside them.
    for (const id of ['A1', 'A2', 'A3', 'A10'] as const) {
      const listed = indicatorChildren(summaries, id, '2025-03-31', DEFAULT_AUTHORITY_CONFIG.scorecard);
      const column = listed.columns.findIndex((c) => c.text === 'Adopted on (adoption order)');
      expect(listed.columns[column]).toEqual({ text: 'Adopted on (adoption order)', kind: 'date' });
      expect(listed.children.find((c) => c.childId === 'S1')?.cells[column]).toBe('2023-04-01');
    }
  });

  it('Given one child without court authority to place, When A2 is listed, Then only the child with authority and a match is behind it', () => {
    const a2 = indicatorChildren(summaries, 'A2', '2025-03-31', DEFAULT_AUTHORITY_CONFIG.scorecard);
    expect(a2).toMatchObject({ numerator: 92, denominator: 1, thresholdDays: 121 });
    expect(a2.children.map((c) => c.childId)).toEqual(['S1']);
  });

  it('Given both children moved in within 14 months, When A3 is listed, Then every child who moved in is looked at and both are counted', () => {
    const a3 = indicatorChildren(summaries, 'A3', '2025-03-31', DEFAULT_AUTHORITY_CONFIG.scorecard);
    expect(a3).toMatchObject({ kind: 'share', numerator: 2, denominator: 2, figure: 100 });
    expect(a3.children.map((c) => c.counted)).toEqual([true, true]);
  });

  it('knows the indicators the page links to, and no others', () => {
    expect(['ST1', 'ST2', 'ST3', 'A1', 'A2', 'A3', 'A10'].every(isIndicatorId)).toBe(true);
    expect(['A4', 'st1', 'DR01', ''].some(isIndicatorId)).toBe(false);
  });
});
