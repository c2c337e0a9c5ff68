import { asKnownDriftUrl, parseAsKnownDriftQuery } from './as-known-drift.query';

const TODAY = '2026-11-27';

describe("the auditor's page form: as at a date, as known at an instant", () => {
  it('Given an empty form, Then it is today as known by the end of today in England, page 1, all rules', () => {
    expect(parseAsKnownDriftQuery({}, TODAY)).toMatchObject({
      point: { asAt: TODAY, knownAt: '2026-11-27T23:59:59.999Z' },
      page: 1,
      errors: [],
    });
  });

  it('Given a date, a bare knownAt date, a rule and a reason, Then they are kept and the address carries them', () => {
    const query = parseAsKnownDriftQuery(
      { asAt: '2025-03-31', knownAt: '2025-04-30', rule: 'DR03', reason: 'annual audit', page: '2' },
      TODAY,
    );
    expect(query).toMatchObject({
      point: { asAt: '2025-03-31', knownAt: '2025-04-30T22:59:59.999Z' },
      rule: 'DR03',
      reason: 'annual audit',
      page: 2,
      errors: [],
    });
    expect(asKnownDriftUrl(query, 3)).toBe(
      '/panel/audit/drift?asAt=2025-03-31&knownAt=2025-04-30T22%3A59%3A59.999Z&rule=DR03&reason=annual+audit&page=3',
    );
  });

  it('Given a date that does not exist, an instant without a zone, an unknown rule and a bad page, Then each field gets its message', () => {
    const query = parseAsKnownDriftQuery(
      { asAt: '2025-02-30', knownAt: '2025-04-30T10:00', rule: 'DR99', page: 'two' },
      TODAY,
    );
    expect(query.errors.map((e) => e.fieldId)).toEqual(['asAt', 'knownAt', 'rule', 'page']);
    expect(query.errors[0].message).toContain('real date');
    expect(query.errors[1].message).toContain('instant with a zone');
  });

  it('Given a year outside the supported years, Then the date is refused with that rule', () => {
    const query = parseAsKnownDriftQuery({ asAt: '1850-01-01' }, TODAY);
    expect(query.errors).toEqual([
      expect.objectContaining({ fieldId: 'asAt', rule: 'isDateInSupportedYears' }),
    ]);
  });
});
