import { journey } from '../testing/journey-builder';
import { stability, stabilityAsAt } from './stability';

/** Running figures at dates other than 31 March; every count below is worked by hand in the comments. */
describe('placement stability as a running figure (months up to any date)', () => {
  // R: placements from 1 Mar 2024, 1 Aug 2024, 10 Jan 2025.
  const r = journey('R')
    .registered('2014-01-01', { dateOfBirth: '2014-01-01' })
    .startCare('2024-03-01')
    .move('2024-08-01')
    .move('2025-01-10')
    .summary();

  it('ST1 to 31 Jul 2025 looks at 1 Aug 2024–31 Jul 2025: the March 2024 placement ended 31 Jul 2024, so 2 placements', () => {
    const [st1] = stabilityAsAt([r], '2025-07-31');
    expect(st1).toMatchObject({ measure: 'ST1', yearEnding: '2025-07-31', numerator: 0, denominator: 1 });
    expect(st1.children[0]).toMatchObject({ childId: 'R', counted: false, placements: 2 });
  });

  it('ST1 to 31 Jul 2024 (1 Aug 2023–31 Jul 2024) sees 1 placement; to 31 Jan 2025 it sees all 3', () => {
    expect(stabilityAsAt([r], '2024-07-31')[0].children[0]).toMatchObject({ counted: false, placements: 1 });
    expect(stabilityAsAt([r], '2025-01-31')[0].children[0]).toMatchObject({ counted: true, placements: 3 });
  });

  it('on a 31 March the running figure is the national figure', () => {
    expect(stabilityAsAt([r], '2025-03-31')).toEqual(stability([r], '2025-03-31'));
  });

  it('leap year: the 12 months up to 29 Feb 2024 start on 1 Mar 2023 (29 Feb 2024 − 12 months clamps to 28 Feb 2023)', () => {
    // L: placements from 1 Jan 2022 (ends 28 Feb 2023), 1 Mar 2023, 1 Jun 2023, 1 Sep 2023.
    const l = journey('L')
      .registered('2012-01-01', { dateOfBirth: '2012-01-01' })
      .startCare('2022-01-01')
      .move('2023-03-01')
      .move('2023-06-01')
      .move('2023-09-01')
      .summary();
    // Window 1 Mar 2023–29 Feb 2024: the 2022 placement ended the day before, so 3 placements, not 4.
    expect(stabilityAsAt([l], '2024-02-29')[0].children[0]).toMatchObject({ counted: true, placements: 3 });
    // 28 Feb 2024 − 12 months = 28 Feb 2023: the same window start, 1 Mar 2023.
    expect(stabilityAsAt([l], '2024-02-28')[0].children[0]).toMatchObject({ placements: 3 });
    // 28 Feb 2023: window 1 Mar 2022–28 Feb 2023 holds only the 2022 placement.
    expect(stabilityAsAt([l], '2023-02-28')[0].children[0]).toMatchObject({ counted: false, placements: 1 });
  });

  it('ST2 to 31 Jul 2025: in care since 1 May 2023 (on or before 31 Jul 2023), 3 placements since 1 Aug 2023', () => {
    // C: placements from 1 May 2023, 1 Sep 2023, 1 Feb 2024.
    const c = journey('C')
      .registered('2012-01-01', { dateOfBirth: '2012-01-01' })
      .startCare('2023-05-01')
      .move('2023-09-01')
      .move('2024-02-01')
      .summary();
    const st2 = stabilityAsAt([c], '2025-07-31')[1];
    expect(st2).toMatchObject({ measure: 'ST2', numerator: 1, denominator: 1, percentage: 100 });
    expect(st2.children[0]).toMatchObject({ placements: 3, periodStart: '2023-05-01' });
    // At 31 Mar 2025 the child had been looked after < 2 years (1 May 2023 > 31 Mar 2023): not in ST2.
    expect(stability([c], '2025-03-31')[1].denominator).toBe(0);
  });

  it('ST3 to 30 Sep 2025: under 16, in care since 15 Jan 2023 (≤ 30 Mar 2023), same placement since 15 Sep 2023 (≤ 30 Sep 2023)', () => {
    const s = journey('S')
      .registered('2015-01-01', { dateOfBirth: '2015-01-01' })
      .startCare('2023-01-15')
      .move('2023-09-15')
      .summary();
    const st3 = stabilityAsAt([s], '2025-09-30')[2];
    expect(st3).toMatchObject({ measure: 'ST3', numerator: 1, denominator: 1 });
    expect(st3.children[0]).toMatchObject({ counted: true, placements: 2 });
    // 15 Sep 2025: 2 years back is 15 Sep 2023, the day of the move: a placement of exactly 2 years counts.
    expect(stabilityAsAt([s], '2025-09-15')[2].children[0]).toMatchObject({ counted: true });
    // 14 Sep 2025: 2 years back is 14 Sep 2023, before the move on the 15th: not counted.
    expect(stabilityAsAt([s], '2025-09-14')[2].children[0]).toMatchObject({ counted: false });
    // At 31 Mar 2025: in care since 15 Jan 2023 > 30 Sep 2022 (2.5 years back): outside ST3.
    expect(stability([s], '2025-03-31')[2].denominator).toBe(0);
  });
});
