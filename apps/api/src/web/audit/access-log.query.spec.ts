import { accessLogUrl, parseAccessLogPageQuery } from './access-log.query';
import { driftReplayUrl } from './access-log-words';

describe("the trail page's filters: the API's (AccessLogQuery), through its ValidationPipe", () => {
  it('Given child, reader and days, When parsed, Then they become the API filter, and the address keeps them', async () => {
    const query = await parseAccessLogPageQuery({
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

  it('Given nothing, or every field left blank as a GET form sends it, Then every read is listed from the start of the trail', async () => {
    for (const raw of [{}, { childId: '', readBy: ' ', from: '', to: '', after: '' }]) {
      const query = await parseAccessLogPageQuery(raw);
      expect(query).toMatchObject({ filter: {}, errors: [] });
      expect(query.after).toBeUndefined();
      expect(accessLogUrl(query.filter)).toBe('/panel/audit/access-log');
    }
  });

  it('Given bad values, Then each is named against its field with the API’s rule', async () => {
    const rules = async (raw: Record<string, unknown>) =>
      (await parseAccessLogPageQuery(raw)).errors.map((e) => [e.fieldId, e.rule]);
    expect(await rules({ childId: 'a b' })).toEqual([['childId', 'matches']]);
    expect(await rules({ childId: '*' })).toEqual([]);
    expect(await rules({ childId: ['c-1', 'c-2'] })).toEqual([['childId', 'matches']]);
    expect(await rules({ from: '2026-02-30' })).toEqual([['from', 'isCalendarDate']]);
    expect(await rules({ to: '1800-01-01' })).toEqual([['to', 'isDateInSupportedYears']]);
    expect(await rules({ from: '2026-02-02', to: '2026-02-01' })).toEqual([['to', 'notBeforeFrom']]);
    // A date that is not one is named once, by its own rule, not also as before or after the other.
    expect(await rules({ from: '2026-02-30', to: '2026-02-01' })).toEqual([['from', 'isCalendarDate']]);
    expect(await rules({ after: '-1' })).toEqual([['after', 'matches']]);
    expect(await rules({ readBy: 'x'.repeat(201) })).toEqual([['readBy', 'isLength']]);
    expect(await rules({ reader: 'sw-015' })).toEqual([['childId', 'whitelistValidation']]);
    // The API's page size is not the page's to set.
    expect(await rules({ limit: '5' })).toEqual([['childId', 'whitelistValidation']]);
  });

  it('Given bad values, Then the messages are the API’s, the field named by its label on the form', async () => {
    const messages = async (raw: Record<string, unknown>) =>
      (await parseAccessLogPageQuery(raw)).errors.map((e) => e.message);
    expect(await messages({ from: '2026-02-30' })).toEqual(['From must be a real calendar date, YYYY-MM-DD']);
    expect(await messages({ from: '2026-02-02', to: '2026-02-01' })).toEqual([
      'To (2026-02-01) must not be before from (2026-02-02)',
    ]);
    expect(await messages({ readBy: 'x'.repeat(201) })).toEqual(['Reader must be 1–200 characters']);
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
