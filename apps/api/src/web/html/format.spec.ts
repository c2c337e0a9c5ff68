import { codeText, formatClockTime, formatDate, formatInstant } from './format';

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

describe('formatClockTime (when a session ends)', () => {
  it('Given an end later the same day in England, Then only the time; another day, Then the time and the date (BST and GMT)', () => {
    const now = new Date('2026-07-01T08:00:00Z');
    expect(formatClockTime(new Date('2026-07-01T16:42:30Z'), now)).toBe('17:42');
    // 23:30 UTC is 00:30 BST the next day.
    expect(formatClockTime(new Date('2026-07-01T23:30:00Z'), now)).toBe('00:30 on 2 July 2026');
    expect(formatClockTime(new Date('2026-11-28T17:05:00Z'), new Date('2026-11-28T09:00:00Z'))).toBe('17:05');
  });
});

describe('codeText and formatDate', () => {
  it('gives a 903 code with its meaning, and a date in GOV.UK style', () => {
    expect(codeText('PLACE', 'U4')).toBe('U4 Foster placement with other foster carer, long-term fostering');
    expect(codeText('PLACE', undefined)).toBe('Not known');
    expect(formatDate('2025-03-31')).toBe('31 March 2025');
  });
});
