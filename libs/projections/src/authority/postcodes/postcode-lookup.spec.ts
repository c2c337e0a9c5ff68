import { distanceMiles, locatePostcode, normalisePostcode } from './postcode-lookup';

describe('postcode lookup', () => {
  it('reads a postcode however it is typed, and a bare sector or district', () => {
    expect(normalisePostcode('cb1 2ab')).toEqual({ outward: 'CB1', sector: 'CB1 2' });
    expect(normalisePostcode('CB12AB')).toEqual({ outward: 'CB1', sector: 'CB1 2' });
    expect(normalisePostcode(' PE13  4RP ')).toEqual({ outward: 'PE13', sector: 'PE13 4' });
    expect(normalisePostcode('CB1 2')).toEqual({ outward: 'CB1', sector: 'CB1 2' });
    expect(normalisePostcode('LS1')).toEqual({ outward: 'LS1' });
    expect(normalisePostcode('not a postcode')).toBeUndefined();
  });

  it('locates East of England postcodes by sector and the rest of Great Britain by district', () => {
    expect(locatePostcode('CB1 2AB')).toEqual({
      easting: 546117,
      northing: 258154,
      district: 'E07000008',
      precision: 'sector',
    });
    expect(locatePostcode('LS1 4AB')).toEqual({
      easting: 429532,
      northing: 433543,
      district: 'E08000035',
      precision: 'district',
    });
    expect(locatePostcode('ZZ9 9ZZ')).toBeUndefined();
    expect(locatePostcode(undefined)).toBeUndefined();
  });

  it('gives straight-line miles between centroids to one decimal place', () => {
    // CB1 2 (546117, 258154) to PE1 4 (519735, 301125): √(26382² + 42971²) = 50,423 m = 31.3 miles.
    expect(distanceMiles('CB1 2AB', 'PE1 4LW')).toBe(31.3);
    // CB1 2 to CB4 1 (546291, 259900): √(174² + 1746²) = 1,755 m = 1.1 miles.
    expect(distanceMiles('CB1 2AB', 'CB4 1UW')).toBe(1.1);
    expect(distanceMiles('CB1 2AB', undefined)).toBeUndefined();
    expect(distanceMiles('CB1 2AB', 'ZZ9 9ZZ')).toBeUndefined();
  });
});
