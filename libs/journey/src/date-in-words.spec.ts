import { dateInWords } from './date-in-words';

describe('a date in words', () => {
  it('Given calendar dates, When put in words, Then they read as people write them', () => {
    expect(dateInWords('2026-01-05')).toBe('5 January 2026');
    expect(dateInWords('2024-12-31')).toBe('31 December 2024');
  });
  it('Given something that is not a calendar date, When put in words, Then it is shown as given', () => {
    expect(dateInWords('2026-13-01')).toBe('2026-13-01');
    expect(dateInWords('yesterday')).toBe('yesterday');
  });
});
