import {
  CODE_LISTS,
  SUPPORTED_ACCOMMODATION_REGISTERED_FROM,
  codeMeaning,
  codesOf,
  findCode,
  isListedInYear,
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

  it('says which placement types each collection year lists (the validator rule 146 code lists)', () => {
    const y2024 = { start: '2023-04-01', end: '2024-03-31' };
    const y2025 = { start: '2024-04-01', end: '2025-03-31' };
    const y2026 = { start: '2025-04-01', end: '2026-03-31' };
    const listed = (code: string) => [y2024, y2025, y2026].map((year) => isListedInYear('PLACE', code, year));
    expect(listed('H5')).toEqual([true, true, false]);
    expect(listed('Z1')).toEqual([true, true, false]);
    // No placement from 28 October 2023, but in the code list until 2024/25.
    expect(listed('P2')).toEqual([true, true, false]);
    expect(listed('K3')).toEqual([false, true, true]);
    expect(listed('Z13')).toEqual([false, false, true]);
    expect(listed('U6')).toEqual([true, true, true]);
    expect(listed('XX')).toEqual([false, false, false]);
  });

  it('names the successors of the placement types withdrawn with 2025/26', () => {
    expect(findCode('PLACE', 'H5')?.replacedBy).toEqual(['K3']);
    expect(findCode('PLACE', 'Z1')?.replacedBy).toEqual(['Z11', 'Z12', 'Z13', 'Z14']);
    expect(findCode('PLACE', 'P2')?.replacedBy).toBeUndefined();
  });

  it('labels Z11–Z14 as not yet confirmed (national definitions §1.3: UNCONFIRMED), never with a guessed meaning', () => {
    for (const code of ['Z11', 'Z12', 'Z13', 'Z14'])
      expect(codeMeaning('PLACE', code)).toBe(
        'Other placement (2025/26 subdivision of Z1): meaning not yet confirmed — ask your 903 lead',
      );
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
