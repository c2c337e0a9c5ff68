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
