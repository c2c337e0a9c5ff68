import { codeText, formatDate, formatInstant } from './format';

describe('formatInstant', () => {
  it('writes an instant in winter as a date and a time in England, GMT', () => {
    expect(formatInstant('2026-11-27T10:00:03.000Z')).toBe('27 November 2026 at 10:00:03 GMT');
  });

  it('writes the end of a summer day in England as that day, BST, not the UTC hour before', () => {
    // "as known at 2025-07-01" is the end of 1 July in England: 22:59:59.999Z.
    expect(formatInstant('2025-07-01T22:59:59.999Z')).toBe('1 July 2025 at 23:59:59 BST');
  });

  it('converts an instant given in another zone to the time in England', () => {
    expect(formatInstant('2024-06-01T00:30:00+01:00')).toBe('1 June 2024 at 00:30:00 BST');
    expect(formatInstant('2024-12-31T23:30:00-05:00')).toBe('1 January 2025 at 04:30:00 GMT');
  });

  it('follows the clocks going forward: 00:59:59Z on 30 March 2025 is GMT, 01:00:00Z is 02:00 BST', () => {
    expect(formatInstant('2025-03-30T00:59:59Z')).toBe('30 March 2025 at 00:59:59 GMT');
    expect(formatInstant('2025-03-30T01:00:00Z')).toBe('30 March 2025 at 02:00:00 BST');
  });

  it('leaves text that is not an instant as it is', () => {
    expect(formatInstant('yesterday')).toBe('yesterday');
  });
});

describe('codeText and formatDate', () => {
  it('gives a 903 code with its meaning, and a date in GOV.UK style', () => {
    expect(codeText('PLACE', 'U4')).toBe('U4 Foster placement with other foster carer, long-term fostering');
    expect(codeText('PLACE', undefined)).toBe('Not known');
    expect(formatDate('2025-03-31')).toBe('31 March 2025');
  });
});
