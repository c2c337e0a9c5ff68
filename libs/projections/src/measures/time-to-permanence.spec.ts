import { journey } from '../testing/journey-builder';
import { timeToPermanence } from './time-to-permanence';

describe('time to permanence', () => {
  const children = [
    // Placed with adopters after 304 days, adopted after 486 days.
    journey('P1')
      .registered('2022-06-01')
      .startCare('2023-01-01')
      .placedForAdoption('2023-11-01')
      .adopted('2024-05-01'),
    // Special guardianship after 366 days (2024 is a leap year).
    journey('P2').registered('2015-01-01').startCare('2023-03-01', 'C2', 'U1').endCare('2024-03-01', 'E45'),
    // Planned return home after 91 days.
    journey('P3').registered('2015-01-01').startCare('2024-01-01').endCare('2024-04-01', 'E4A'),
    // Long-term fostering confirmed by the move to U4 after 335 days.
    journey('P4')
      .registered('2015-01-01')
      .startCare('2023-06-01', 'C2', 'U3')
      .plan('2024-02-01', 'long_term_fostering')
      .move('2024-05-01', 'U4'),
    // Short breaks never count.
    journey('P5').registered('2015-01-01').startCare('2024-01-01', 'V3').endCare('2024-02-01', 'E4A'),
  ].map((b) => b.summary());

  it('lists each child by route with days from entering care, within the dates asked', () => {
    const result = timeToPermanence(children, '2024-01-01', '2024-12-31');
    expect(result.rows.map((r) => [r.childId, r.milestone, r.days])).toEqual([
      ['P1', 'adoption_order', 486],
      ['P2', 'special_guardianship_order', 366],
      ['P3', 'planned_return_home', 91],
      ['P4', 'long_term_fostering_confirmed', 335],
    ]);
    expect(result.byMilestone.find((m) => m.milestone === 'adoption_order')).toMatchObject({
      children: 1,
      meanDays: 486,
    });
  });

  it('counts the move-in with adopters when it falls in the window', () => {
    const result = timeToPermanence(children, '2023-01-01', '2023-12-31');
    expect(result.rows.map((r) => [r.childId, r.milestone, r.days])).toEqual([
      ['P1', 'adoption_move_in', 304],
    ]);
  });

  it('refuses a window that ends before it starts', () => {
    expect(() => timeToPermanence(children, '2024-12-31', '2024-01-01')).toThrow(RangeError);
  });
});

describe('long-term fostering confirmed: the plan in force and a U1/U4 placement on the same day', () => {
  const from = '2022-01-01';
  const to = '2024-03-31';
  const confirmed = (summary: ReturnType<ReturnType<typeof journey>['summary']>) =>
    timeToPermanence([summary], from, to)
      .rows.filter((r) => r.milestone === 'long_term_fostering_confirmed')
      .map((r) => [r.date, r.days]);

  it('Given a long-term fostering plan that changed to return home before the move to a U4 carer, When time to permanence is read, Then long-term fostering is not confirmed', () =>
    expect(
      confirmed(
        journey('LTF1')
          .registered('2015-01-01')
          .startCare('2022-06-01', 'C2', 'U6')
          .plan('2022-08-01', 'long_term_fostering')
          .plan('2022-10-01', 'return_home')
          .move('2023-01-10', 'U4')
          .summary(),
      ),
    ).toEqual([]));

  it('Given that child back on a long-term fostering plan on 1 March 2023, When time to permanence is read, Then it is confirmed that day (the U4 placement already stands)', () =>
    expect(
      confirmed(
        journey('LTF2')
          .registered('2015-01-01')
          .startCare('2022-06-01', 'C2', 'U6')
          .plan('2022-08-01', 'long_term_fostering')
          .plan('2022-10-01', 'return_home')
          .move('2023-01-10', 'U4')
          .plan('2023-03-01', 'long_term_fostering')
          .summary(),
      ),
    ).toEqual([['2023-03-01', 273]]));

  it('Given a long-term fostering plan still in force at the move to a U1 carer, When time to permanence is read, Then it is confirmed on the move', () =>
    expect(
      confirmed(
        journey('LTF3')
          .registered('2015-01-01')
          .startCare('2022-06-01', 'C2', 'U6')
          .plan('2022-08-01', 'long_term_fostering')
          .move('2023-01-10', 'U1')
          .summary(),
      ),
    ).toEqual([['2023-01-10', 223]]));

  it('Given a long-term match on 10 January 2023 that broke down with a move to U6 elsewhere on 1 June 2023, When time to permanence is read, Then long-term fostering is not confirmed (as a disrupted adoptive placement is no move-in)', () =>
    expect(
      confirmed(
        journey('LTF4')
          .registered('2015-01-01')
          .startCare('2022-06-01', 'C2', 'U6')
          .plan('2022-08-01', 'long_term_fostering')
          .move('2023-01-10', 'U1')
          .move('2023-06-01', 'U6')
          .summary(),
      ),
    ).toEqual([]));

  it('Given that child matched again with U4 carers on 1 September 2023, When time to permanence is read, Then it is confirmed on the new match', () =>
    expect(
      confirmed(
        journey('LTF5')
          .registered('2015-01-01')
          .startCare('2022-06-01', 'C2', 'U6')
          .plan('2022-08-01', 'long_term_fostering')
          .move('2023-01-10', 'U1')
          .move('2023-06-01', 'U6')
          .move('2023-09-01', 'U4')
          .summary(),
      ),
    ).toEqual([['2023-09-01', 457]]));

  it('Given a long-term match on 10 January 2023 and a move straight to other long-term (U4) carers on 1 May 2024, When time to permanence is read, Then the first match stands (DR11 opens nothing for a same-day re-match; review s16-diff F1)', () =>
    expect(
      confirmed(
        journey('LTF6')
          .registered('2015-01-01')
          .startCare('2022-06-01', 'C2', 'U6')
          .plan('2022-08-01', 'long_term_fostering')
          .move('2023-01-10', 'U1')
          .move('2024-05-01', 'U4')
          .summary(),
      ),
    ).toEqual([['2023-01-10', 223]]));

  it('Given a long-term match on 10 January 2023, then a special guardianship plan on 1 January 2024 and a move to the guardian on 1 March 2024, When time to permanence is read, Then the long-term fostering confirmation stands (a move under a later plan is no breakdown; review s16-diff F2)', () =>
    expect(
      confirmed(
        journey('LTF7')
          .registered('2015-01-01')
          .startCare('2022-06-01', 'C2', 'U6')
          .plan('2022-08-01', 'long_term_fostering')
          .move('2023-01-10', 'U1')
          .plan('2024-01-01', 'special_guardianship')
          .move('2024-03-01', 'U3')
          .summary(),
      ),
    ).toEqual([['2023-01-10', 223]]));
});
