import { parseAsKnownPoint } from './as-known-point';

describe('the date and instant of an authority report as known', () => {
  it('Given nothing, Then it is today as known by the end of today in England', () => {
    expect(parseAsKnownPoint({}, '2025-07-01')).toEqual({
      point: { asAt: '2025-07-01', knownAt: '2025-07-01T22:59:59.999Z' },
    });
  });

  it('Given only asAt, Then knownAt is the end of that day in England (GMT in winter)', () => {
    expect(parseAsKnownPoint({ asAt: '2025-01-31' }, '2025-07-01')).toEqual({
      point: { asAt: '2025-01-31', knownAt: '2025-01-31T23:59:59.999Z' },
    });
  });

  it('Given knownAt as an instant with an offset or as a bare date, Then it is an instant in UTC', () => {
    expect(
      parseAsKnownPoint({ asAt: '2025-01-31', knownAt: '2025-02-01T10:00:00+01:00' }, '2025-07-01'),
    ).toEqual({
      point: { asAt: '2025-01-31', knownAt: '2025-02-01T09:00:00.000Z' },
    });
    expect(parseAsKnownPoint({ asAt: '2025-01-31', knownAt: '2025-06-30' }, '2025-07-01')).toEqual({
      point: { asAt: '2025-01-31', knownAt: '2025-06-30T22:59:59.999Z' },
    });
  });

  it('Given a date that does not exist and an instant without a zone, Then each field is named with its rule', () => {
    const parsed = parseAsKnownPoint({ asAt: '2025-02-30', knownAt: '2025-03-01T10:00' }, '2025-07-01');
    expect(parsed).toEqual({
      errors: [
        { field: 'asAt', rule: expect.stringContaining('calendar date YYYY-MM-DD that exists') },
        { field: 'knownAt', rule: expect.stringContaining('instant with a zone') },
      ],
    });
  });

  it('Given field names (the CLI flags), Then errors use them', () => {
    expect(
      parseAsKnownPoint({ knownAt: 'yesterday' }, '2025-07-01', { asAt: '--as-at', knownAt: '--known-at' }),
    ).toEqual({
      errors: [{ field: '--known-at', rule: expect.any(String) }],
    });
  });
});
