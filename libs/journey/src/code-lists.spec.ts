import {
  CODE_LISTS,
  SUPPORTED_ACCOMMODATION_REGISTERED_FROM,
  codeMeaning,
  codesOf,
  findCode,
  isValidCode,
} from './code-lists';
import {
  isAdoptionPlacement,
  isFosterPlacement,
  isTemporaryPlacement,
  placementTakesNoProvider,
} from './code-groups';

describe('code lists', () => {
  it('gives every code a meaning, once per list', () => {
    for (const [name, defs] of Object.entries(CODE_LISTS)) {
      const codes = defs.map((d) => d.code);
      expect({ name, unique: new Set(codes).size }).toEqual({ name, unique: codes.length });
      for (const def of defs) expect(def.meaning.length).toBeGreaterThan(3);
    }
  });

  it('knows codes and meanings', () => {
    expect(isValidCode('LS', 'C1')).toBe(true);
    expect(isValidCode('LS', 'C3')).toBe(false);
    expect(codeMeaning('REC', 'E4A')).toMatch(/as planned/);
    expect(findCode('PLACE', 'XX')).toBeUndefined();
    expect(isValidCode('REVIEW_CODE', 'PN7')).toBe(true);
    expect(isValidCode('MISSING', 'A')).toBe(true);
  });

  it('removes H5 from 1 April 2025', () => {
    expect(isValidCode('PLACE', 'H5', '2025-03-31')).toBe(true);
    expect(isValidCode('PLACE', 'H5', '2025-04-01')).toBe(false);
  });

  it('ends P2 with the supported-accommodation change of 28 October 2023 (903 rule 217t)', () => {
    expect(SUPPORTED_ACCOMMODATION_REGISTERED_FROM).toBe('2023-10-28');
    expect(isValidCode('PLACE', 'P2', '2023-10-27')).toBe(true);
    expect(isValidCode('PLACE', 'P2', '2023-10-28')).toBe(false);
    expect(codesOf('PLACE', '2024-01-01')).toEqual(expect.arrayContaining(['H5']));
    expect(codesOf('PLACE', '2024-01-01')).not.toContain('P2');
  });

  it('adds K3 from 1 April 2024', () => {
    expect(isValidCode('PLACE', 'K3', '2024-03-31')).toBe(false);
    expect(isValidCode('PLACE', 'K3', '2024-04-01')).toBe(true);
  });

  it('replaces Z1 by Z11–Z14 from 2025/26', () => {
    expect(isValidCode('PLACE', 'Z1', '2025-03-31')).toBe(true);
    expect(isValidCode('PLACE', 'Z1', '2025-04-01')).toBe(false);
    expect(isValidCode('PLACE', 'Z12', '2025-03-31')).toBe(false);
    expect(isValidCode('PLACE', 'Z12', '2025-04-01')).toBe(true);
  });

  it('ends freeing orders (D1) and starts placement orders (E1) in December 2005', () => {
    expect(isValidCode('LS', 'D1', '2005-06-01')).toBe(true);
    expect(isValidCode('LS', 'D1', '2006-01-01')).toBe(false);
    expect(isValidCode('LS', 'E1', '2005-06-01')).toBe(false);
    expect(isValidCode('LS', 'E1', '2024-06-01')).toBe(true);
  });

  it('lists the codes valid on a date', () => {
    expect(codesOf('PLACE', '2025-06-01')).not.toContain('H5');
    expect(codesOf('PLACE')).toContain('H5');
    expect(codesOf('PLACE_PROVIDER')).toEqual(['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5']);
  });

  it('groups placement codes', () => {
    expect(isTemporaryPlacement('T3')).toBe(true);
    expect(isTemporaryPlacement('U3')).toBe(false);
    expect(isFosterPlacement('U6')).toBe(true);
    expect(isAdoptionPlacement('A5')).toBe(true);
    expect(placementTakesNoProvider('Z1')).toBe(true);
    expect(placementTakesNoProvider('T0')).toBe(true);
    expect(placementTakesNoProvider('K2')).toBe(false);
  });
});
