import { parseDriftQuery, refusedQuery } from './drift-query';

const TODAY = '2026-11-27';

describe('parseDriftQuery', () => {
  it('Given an impossible date, when parsed, then it names the field and the rule and falls back to today', () => {
    const query = parseDriftQuery({ asAt: '2025-02-30' }, TODAY);
    expect(query.asAt).toBe(TODAY);
    expect(query.errors).toEqual([expect.objectContaining({ fieldId: 'asAt', rule: 'isCalendarDate' })]);
  });

  it('Given a parameter the report does not read, when parsed, then it is named beside the filters and the rest is applied', () => {
    const query = parseDriftQuery({ asAt: '2025-03-31', rules: 'DR06' }, TODAY);
    expect(query.asAt).toBe('2025-03-31');
    expect(query.errors).toEqual([
      expect.objectContaining({ fieldId: 'drift-filters', rule: 'whitelistValidation' }),
    ]);
    expect(query.errors[0].message).toMatch(
      /^The address has “rules”, which this page does not use: it uses asAt, rule, /,
    );
    expect(refusedQuery(query.errors).errors).toEqual([
      expect.objectContaining({ field: 'rules', rule: 'whitelistValidation' }),
    ]);
  });

  it('Given a good query, when parsed, then there is nothing to refuse', () => {
    const query = parseDriftQuery({ asAt: '2025-03-31', rule: 'DR06' }, TODAY);
    expect(query).toMatchObject({ asAt: '2025-03-31', rule: 'DR06', errors: [] });
  });
});

describe('refusedQuery', () => {
  it('is a 400 naming each field and rule, with the messages in its own message', () => {
    const { errors } = parseDriftQuery({ asAt: '2025-02-30', rule: 'DR99' }, TODAY);
    const body = refusedQuery(errors);
    expect(body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(body.errors.map((e) => `${e.field}:${e.rule}`)).toEqual(['asAt:isCalendarDate', 'rule:isIn']);
    expect(body.message).toMatch(/^Invalid request: asAt, rule: As at date must be a real date/);
    expect(body.message).toContain('Rule must be one of DR01');
  });
});
