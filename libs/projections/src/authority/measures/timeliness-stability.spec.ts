import { authorityConfig } from '../authority-config-overrides';
import { AuthorityMeasures } from '../authority-measures';
import { child, placed } from '../testing/authority-journey';

const config = authorityConfig({});
const foster = placed('U4', 'PR1');

describe('reviews within timescale and plan by second review', () => {
  // Care starts Monday 8 Jan 2024. First review due 20 working days on: 5 Feb (held 1 Feb, in time).
  // Second due 3 months after the first: 1 May (held 10 May, late). Third due 6 months after
  // the second: 10 Nov. The plan is due by the second review, which was late, so by 1 May.
  const reviewed = () =>
    child('r')
      .child('2010-01-01')
      .startsIn('2024-01-08', foster)
      .review('2024-02-01')
      .plan('2024-04-01', 'adoption')
      .review('2024-05-10');
  const measures = () => new AuthorityMeasures([reviewed().input()], config);

  it('counts each review in the month it fell due, in time when held on or before that day', () => {
    const series = measures().monthlySeries('2024-01', '2024-06');
    expect(series.map((row) => [row.month, row.reviewsInTime.due, row.reviewsInTime.inTime])).toEqual([
      ['2024-01', 0, 0],
      ['2024-02', 1, 1],
      ['2024-03', 0, 0],
      ['2024-04', 0, 0],
      ['2024-05', 1, 0],
      ['2024-06', 0, 0],
    ]);
    const firstHalf = measures().behind('reviews-in-time', { from: '2024-01-01', to: '2024-06-30' });
    expect(firstHalf.figure).toEqual({ due: 2, inTime: 1, percentage: 50 });
    expect(firstHalf.children.map((c) => c.detail.dueDate)).toEqual(['2024-02-05', '2024-05-01']);
  });

  it('counts the plan in the month the second review fell due, met when the plan came first', () => {
    const [, may] = measures().monthlySeries('2024-04', '2024-05');
    expect(may.planBySecondReview).toEqual({ due: 1, inTime: 1, percentage: 100 });
    const late = child('p')
      .child('2010-01-01')
      .startsIn('2024-01-08', foster)
      .review('2024-02-01')
      .review('2024-04-15')
      .plan('2024-04-20', 'adoption');
    // Second review held in time on 15 April: the plan was due by then and came five days late.
    const [april] = new AuthorityMeasures([late.input()], config).monthlySeries('2024-04', '2024-04');
    expect(april.planBySecondReview).toEqual({ due: 1, inTime: 0, percentage: 0 });
  });

  it('leaves out a deadline not yet reached on `today`, and one that lapsed because care ended first', () => {
    const waiting = child('w').child('2010-01-01').startsIn('2024-01-08', foster);
    const left = child('l').child('2010-01-01').startsIn('2024-01-08', foster).endCare('2024-01-20', 'E4A');
    const measuresNow = new AuthorityMeasures([waiting.input(), left.input()], config);
    expect(measuresNow.monthlySeries('2024-02', '2024-02', '2024-02-01')[0].reviewsInTime).toEqual({
      due: 0,
      inTime: 0,
      percentage: null,
    });
    expect(measuresNow.monthlySeries('2024-02', '2024-02', '2024-02-29')[0].reviewsInTime).toEqual({
      due: 1,
      inTime: 0,
      percentage: 0,
    });
  });

  it('Given the first review due today (5 Feb 2024) and not yet held, Then it is not yet missed; the day after, it is', () => {
    const waiting = child('w').child('2010-01-01').startsIn('2024-01-08', foster);
    const measuresNow = new AuthorityMeasures([waiting.input()], config);
    const series = (today: string) => measuresNow.monthlySeries('2024-02', '2024-02', today)[0].reviewsInTime;
    const asAt = (today: string) => measuresNow.asAt('2024-02-29', today).reviewsInTime;
    for (const figure of [series, asAt]) {
      expect(figure('2024-02-05')).toEqual({ due: 0, inTime: 0, percentage: null });
      expect(figure('2024-02-06')).toEqual({ due: 1, inTime: 0, percentage: 0 });
    }
  });
});

describe('children with 3 or more placements in the 12 months to the day', () => {
  it('counts runs with one carer, and checks the figure against the 16% ceiling', () => {
    const mover = child('m')
      .child('2010-01-01')
      .startsIn('2023-01-01', foster)
      .move('2023-06-01')
      .move('2023-09-01')
      .move('2023-09-10', 'U6', true);
    const settled = Array.from({ length: 5 }, (_, i) =>
      child(`s${i}`).child('2010-01-01').startsIn('2022-01-01', foster).input(),
    );
    const measures = new AuthorityMeasures([mover.input(), ...settled], config);
    // On 31 May 2023 the mover has had 1 placement; on 30 Sep 2023, 3 (the same-carer change is not a move).
    const [may, september] = [measures.asAt('2023-05-31'), measures.asAt('2023-09-30')];
    expect(may.threePlusPlacements).toEqual({
      date: '2023-05-31',
      numerator: 0,
      denominator: 6,
      percentage: 0,
    });
    expect(september.threePlusPlacements).toEqual({
      date: '2023-09-30',
      numerator: 1,
      denominator: 6,
      percentage: 16.7,
    });
    expect(may.targets).toEqual([
      expect.objectContaining({ id: 'three-plus-placements', value: 0, target: 16, met: true }),
    ]);
    expect(september.targets[0]).toMatchObject({ value: 16.7, met: false });
    // A year after the last move the first placement (ended 1 Jun 2023) has dropped out of the window.
    expect(measures.asAt('2024-06-01').threePlusPlacements.numerator).toBe(0);
  });
});
