import { addDays } from '@care-journey/journey';
import { journey } from '../testing/journey-builder';
import { scorecard } from './scorecard';

/**
 * 25 children adopted in the three years to 31 March 2021: 24 moved in with their adopters 426
 * days after entering care and one 427 days after. A1 = 10,651 / 25 = 426.04 days: above the
 * 426-day threshold, which a mean rounded to 426.0 first would have met.
 */
const adoptedAfter = (id: string, days: number) =>
  journey(id)
    .registered('2018-06-01')
    .startCare('2019-01-01')
    .placedForAdoption(addDays('2019-01-01', days))
    .adopted('2020-10-01')
    .summary();

describe('the scorecard judges the exact mean against its threshold', () => {
  it('Given A1 of 426.04 days against 426, When the scorecard is taken, Then it is above the threshold and its mean shows 426.1', () => {
    const children = Array.from({ length: 25 }, (_, i) => adoptedAfter(`R${i}`, i === 0 ? 427 : 426));
    expect(scorecard(children, '2021-03-31').A1).toMatchObject({
      numerator: 10_651,
      denominator: 25,
      meanDays: 426.1,
      thresholdDays: 426,
      meetsThreshold: false,
    });
  });
});
