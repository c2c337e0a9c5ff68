/**
 * Worked example: the foster carer adopts. Placed for adoption with the same carer, the child
 * makes no move: no new placement for ST1/DR05, and ST3 runs from the start of the foster
 * placement. Time to permanence still dates the adoption milestones by their own events.
 * (DR07 and scorecard A10 for this case are in their own specs.)
 */
import { journey } from '../testing/journey-builder';
import { flagsOf } from '../testing/drift-expectations';
import { stabilityAsAt } from '../measures/stability';
import { timeToPermanence } from '../measures/time-to-permanence';

describe('worked examples: a foster-carer adoption', () => {
  // F: born 1 Jan 2016; in care 1 Jun 2021 (U3); with the foster carer from 1 Sep 2021 (U1);
  // placed for adoption with that carer 1 Jun 2023 (A5, same carer); adopted 10 Jan 2024.
  const f = journey('F')
    .registered('2016-01-01', { dateOfBirth: '2016-01-01' })
    .startCare('2021-06-01', 'C2', 'U3')
    .move('2021-09-01', 'U1')
    .placedForAdoption('2023-06-01', 'A5', true)
    .adopted('2024-01-10', true)
    .summary();

  it('ST1 for the 12 months to 31 Dec 2023: 1 placement (the foster run carries on), not counted', () => {
    const [st1] = stabilityAsAt([f], '2023-12-31');
    expect(st1.children[0]).toMatchObject({ counted: false, placements: 1 });
    expect(flagsOf(f, '2023-12-31', 'DR05')).toEqual([]);
  });

  // At 31 Dec 2023: aged 7; in care since 1 Jun 2021, on or before 30 Jun 2021 (D − 30 months);
  // with this carer since 1 Sep 2021, on or before 31 Dec 2021 (D − 24 months): counted.
  it('ST3 at 31 Dec 2023: counted, the same placement since 1 Sep 2021', () => {
    const st3 = stabilityAsAt([f], '2023-12-31')[2];
    expect(st3.children[0]).toMatchObject({ childId: 'F', counted: true });
  });

  it('after the adoption order (care ended 10 Jan 2024) the child is in no stability measure', () => {
    expect(stabilityAsAt([f], '2024-03-31').map((m) => m.denominator)).toEqual([0, 0, 0]);
  });

  // 1 Jun 2021 → 1 Jun 2023 = 365 + 365 = 730 days. 1 Jun 2023 → 1 Jan 2024 = 30 + 31 + 31 + 30 +
  // 31 + 30 + 31 = 214, + 9 to 10 Jan = 223: order at 730 + 223 = 953 days.
  it('time to permanence: move-in with adopters at 730 days, adoption order at 953', () => {
    const report = timeToPermanence([f], '2023-01-01', '2024-12-31');
    expect(report.rows.map((r) => [r.milestone, r.date, r.days])).toEqual([
      ['adoption_move_in', '2023-06-01', 730],
      ['adoption_order', '2024-01-10', 953],
    ]);
  });
});
