import { accessLogUrl, parseAccessLogPageQuery } from './access-log.query';
import { driftReplayUrl } from './access-log-words';

describe("the trail page's filters", () => {
  it('Given child, reader and days, When parsed, Then they become the API filter, and the address keeps them', () => {
    const query = parseAccessLogPageQuery({
      childId: ' c-1 ',
      readBy: 'sw-015',
      from: '2026-11-01',
      to: '2026-11-27',
      after: '120',
    });
    expect(query.errors).toEqual([]);
    expect(query.filter).toEqual({ childId: 'c-1', readBy: 'sw-015', from: '2026-11-01', to: '2026-11-27' });
    expect(query.after).toBe('120');
    expect(accessLogUrl(query.filter, '340')).toBe(
      '/panel/audit/access-log?childId=c-1&readBy=sw-015&from=2026-11-01&to=2026-11-27&after=340',
    );
  });

  it('Given nothing, Then every read is listed from the start of the trail', () => {
    const query = parseAccessLogPageQuery({});
    expect(query).toMatchObject({ filter: {}, errors: [] });
    expect(query.after).toBeUndefined();
    expect(accessLogUrl(query.filter)).toBe('/panel/audit/access-log');
  });

  it('Given bad values, Then each is named against its field with its rule', () => {
    const rules = (raw: Record<string, unknown>) =>
      parseAccessLogPageQuery(raw).errors.map((e) => [e.fieldId, e.rule]);
    expect(rules({ childId: 'a b' })).toEqual([['childId', 'isChildId']]);
    expect(rules({ childId: '*' })).toEqual([]);
    expect(rules({ from: '2026-02-30' })).toEqual([['from', 'isCalendarDate']]);
    expect(rules({ to: '1800-01-01' })).toEqual([['to', 'isDateInSupportedYears']]);
    expect(rules({ from: '2026-02-02', to: '2026-02-01' })).toEqual([['to', 'notBeforeFrom']]);
    expect(rules({ after: '-1' })).toEqual([['after', 'isPosition']]);
    expect(rules({ readBy: 'x'.repeat(201) })).toEqual([['readBy', 'maxLength']]);
    expect(rules({ reader: 'sw-015' })).toEqual([['childId', 'whitelistValidation']]);
  });
});

describe('a drift read links to the report as known at the moment of the read', () => {
  const readAt = '2026-11-27T23:22:30.641Z';
  it('Given a drift entry with its date and one rule, Then the replay at that date, known at the read, that rule', () => {
    expect(driftReplayUrl({ view: 'drift', readAt, query: { asAt: '2026-11-27', rule: 'DR01' } })).toBe(
      '/panel/audit/drift?asAt=2026-11-27&knownAt=2026-11-27T23%3A22%3A30.641Z&rule=DR01',
    );
  });
  it('Given several rules, Then every rule; given another view or no date, Then no link', () => {
    expect(driftReplayUrl({ view: 'drift', readAt, query: { asAt: '2026-11-27', rule: 'DR01,DR02' } })).toBe(
      '/panel/audit/drift?asAt=2026-11-27&knownAt=2026-11-27T23%3A22%3A30.641Z',
    );
    expect(driftReplayUrl({ view: 'flags', readAt, query: { asAt: '2026-11-27' } })).toBeUndefined();
    expect(driftReplayUrl({ view: 'drift', readAt, query: {} })).toBeUndefined();
  });
});
