import { journey } from '../testing/journey-builder';
import { scorecard } from './scorecard';
import { thresholdFor } from './scorecard-thresholds';

describe('adoption scorecard for the three years ending 31 March 2025', () => {
  const adopted = [
    // S1: entered 1 Jan 2022; order 1 Jun, match 1 Sep (92 days); moved in 1 Oct 2022 (273 days).
    journey('S1')
      .registered('2021-01-01')
      .startCare('2022-01-01')
      .placementOrder('2022-06-01')
      .match('2022-09-01')
      .placedForAdoption('2022-10-01')
      .adopted('2023-04-01'),
    // S2: foster carer adopts. Entered 1 Jun 2021, with the carer from 1 Sep 2021 (A10: 92 days);
    // placed for adoption with them 1 Jun 2023 (A1: 730 days); matched before the order (A2: 0).
    journey('S2')
      .registered('2020-01-01')
      .startCare('2021-06-01', 'C2', 'U3')
      .move('2021-09-01', 'U1')
      .match('2022-01-15')
      .placementOrder('2022-02-01')
      .placedForAdoption('2023-06-01', 'A5', true)
      .adopted('2024-01-10', true),
    // S3: adopted before the period: excluded.
    journey('S3')
      .registered('2019-01-01')
      .startCare('2020-01-01')
      .placedForAdoption('2021-01-01')
      .adopted('2022-03-01'),
    // S4: no placement order (consent route): in A1/A3/A10, not in A2. Moved in after 212 days.
    journey('S4')
      .registered('2022-06-01')
      .startCare('2023-01-01')
      .placedForAdoption('2023-08-01')
      .adopted('2024-06-01'),
  ].map((b) => b.summary());

  const card = scorecard(adopted, '2025-03-31');

  it('judges against the 2013-16-onward thresholds (426 / 121)', () => {
    expect(card.periodStart).toBe('2022-04-01');
    expect(card.threshold).toMatchObject({ a1Days: 426, a2Days: 121 });
    expect(card.children.map((c) => c.childId)).toEqual(['S1', 'S2', 'S4']);
  });

  it('A1: mean of 273, 730 and 212 days = 405', () => {
    expect(card.A1).toMatchObject({
      numerator: 1215,
      denominator: 3,
      meanDays: 405,
      thresholdDays: 426,
      meetsThreshold: true,
      localTargetDays: 365,
    });
  });

  it('A10: the foster carer adoption ends at the start of that foster placement: (273 + 92 + 212) / 3', () => {
    expect(card.A10).toMatchObject({ numerator: 577, denominator: 3, meanDays: 192.3 });
    expect(card.children.find((c) => c.childId === 'S2')).toMatchObject({
      a10End: '2021-09-01',
      a10Days: 92,
      a1Days: 730,
    });
  });

  it('A2: authority to match, 0 when matched first, children without an order excluded: (92 + 0) / 2', () => {
    expect(card.A2).toMatchObject({
      numerator: 92,
      denominator: 2,
      meanDays: 46,
      thresholdDays: 121,
      meetsThreshold: true,
      childIds: ['S1', 'S2'],
    });
  });

  it('A3: 2 of 3 moved in less than 14 months after entering care', () => {
    expect(card.A3).toMatchObject({ numerator: 2, denominator: 3, percentage: 66.7, childIds: ['S1', 'S4'] });
  });

  it('uses the threshold of each three-year period', () => {
    expect(thresholdFor(2012)).toMatchObject({ a1Days: 639, a2Days: 213 });
    expect(thresholdFor(2014)).toMatchObject({ a1Days: 547, a2Days: 182 });
    expect(thresholdFor(2015)).toMatchObject({ a1Days: 487, a2Days: 152 });
    expect(thresholdFor(2016)).toMatchObject({ a1Days: 426, a2Days: 121 });
    expect(thresholdFor(2030)).toMatchObject({ a1Days: 426, a2Days: 121 });
    expect(scorecard(adopted, '2014-03-31').threshold.period).toBe('2011-14');
  });

  it('refuses a period that does not end on 31 March', () => {
    expect(() => scorecard(adopted, '2025-03-30')).toThrow(/periodEnding must be a 31 March/);
  });
});
