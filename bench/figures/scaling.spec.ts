import { scalingMet } from './scaling';

describe('the scaling goal', () => {
  it('Given CPU 4.1× and wall 4.3×, Then it is met (both within 4.4×)', () => {
    expect(scalingMet(4.1, 4.3, 4.4)).toBe(true);
  });

  it('Given CPU 4.1× but wall 5.0× (I/O wait grew with the data), Then it is not met', () => {
    expect(scalingMet(4.1, 5.0, 4.4)).toBe(false);
    expect(scalingMet(4.6, 4.0, 4.4)).toBe(false);
  });
});
