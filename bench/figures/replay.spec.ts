import { spreadThrough } from './replay';

describe('the long child spread through the cohort’s log (review s16 F12)', () => {
  it('Given 6 rows and 3 events, one every 2 rows, Then each event follows its 2 rows', () => {
    expect([...spreadThrough([1, 2, 3, 4, 5, 6], [-1, -2, -3], 2)]).toEqual([1, 2, -1, 3, 4, -2, 5, 6, -3]);
  });

  it('Given more events than the rows make room for, Then the rest follow the last row, in order', () => {
    expect([...spreadThrough([1, 2, 3], [-1, -2, -3], 2)]).toEqual([1, 2, -1, 3, -2, -3]);
    expect([...spreadThrough([], [-1, -2], 5)]).toEqual([-1, -2]);
  });

  it('Given a spacing below 1, Then it is refused naming it', () => {
    expect(() => [...spreadThrough([1], [-1], 0)]).toThrow('every must be ≥ 1, got 0');
  });
});
