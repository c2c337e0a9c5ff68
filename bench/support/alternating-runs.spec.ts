import { alternatingOrder, best, median } from './alternating-runs';

describe('alternatingOrder', () => {
  it('runs each size once per round, swapping which goes first', () => {
    expect(alternatingOrder(1)).toEqual([0, 1]);
    expect(alternatingOrder(2)).toEqual([0, 1, 1, 0]);
    expect(alternatingOrder(3)).toEqual([0, 1, 1, 0, 0, 1]);
  });

  it('refuses a round count that is not a positive whole number', () => {
    expect(() => alternatingOrder(0)).toThrow(RangeError);
    expect(() => alternatingOrder(1.5)).toThrow(RangeError);
  });
});

describe('best and median', () => {
  it('best is the lowest sample', () => {
    expect(best([3.2, 1.1, 2.5])).toBe(1.1);
  });

  it('median is the middle sample, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('does not reorder the caller’s samples', () => {
    const samples = [3, 1, 2];
    median(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('refuses an empty list', () => {
    expect(() => best([])).toThrow(RangeError);
    expect(() => median([])).toThrow(RangeError);
  });
});
