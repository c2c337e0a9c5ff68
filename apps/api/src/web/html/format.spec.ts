import { codeText, formatDate, formatInstant } from './format';

describe('formatInstant', () => {
  it('writes an instant as a date and a UTC time, as the record keeps it', () => {
    expect(formatInstant('2026-11-27T10:00:03.000Z')).toBe('27 November 2026 at 10:00:03 UTC');
  });

  it('converts an instant given in another zone to UTC', () => {
    expect(formatInstant('2024-06-01T00:30:00+01:00')).toBe('31 May 2024 at 23:30:00 UTC');
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
