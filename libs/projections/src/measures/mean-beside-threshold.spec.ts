import { meanBesideThreshold } from './mean-beside-threshold';

describe('a mean of days beside its threshold', () => {
  it('Given 25 children whose days add up to 10,651 (mean 426.04) against 426, Then it is above and shows 426.1, not 426.0', () =>
    expect(meanBesideThreshold(10_651, 25, 426)).toEqual({ meanDays: 426.1, meetsThreshold: false }));

  it('Given a mean of 425.96 (10,649 / 25) against 426, Then it meets and shows 425.9, not 426.0', () =>
    expect(meanBesideThreshold(10_649, 25, 426)).toEqual({ meanDays: 425.9, meetsThreshold: true }));

  it('Given a mean exactly on the threshold, Then it meets and shows the threshold', () =>
    expect(meanBesideThreshold(1_278, 3, 426)).toEqual({ meanDays: 426, meetsThreshold: true }));

  it('Given a mean away from the threshold, Then it is rounded to one decimal place as usual', () => {
    expect(meanBesideThreshold(1_279, 3, 426)).toEqual({ meanDays: 426.3, meetsThreshold: false });
    expect(meanBesideThreshold(959, 3, 121)).toEqual({ meanDays: 319.7, meetsThreshold: false });
    expect(meanBesideThreshold(241, 2, 121)).toEqual({ meanDays: 120.5, meetsThreshold: true });
  });

  it('Given no children, Then there is no mean and no verdict', () =>
    expect(meanBesideThreshold(0, 0, 426)).toEqual({ meanDays: null, meetsThreshold: null }));
});
