import { inGroups } from './cohort-rows';

describe('inGroups', () => {
  it('Given 5 items in groups of 2, Then it yields [1,2], [3,4], [5]', () => {
    expect([...inGroups([1, 2, 3, 4, 5], 2)]).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('Given an exact multiple or nothing, Then no empty group is yielded', () => {
    expect([...inGroups([1, 2], 2)]).toEqual([[1, 2]]);
    expect([...inGroups([], 3)]).toEqual([]);
  });

  it('Given a size below 1, Then it refuses', () => {
    expect(() => [...inGroups([1], 0)]).toThrow(RangeError);
  });
});
