import {
  accessLogStream,
  caseHistoryReadEvent,
  matchesAccessLogFilter,
  toAccessLogEntry,
} from './case-history-read';

describe('case-history read trail', () => {
  const event = caseHistoryReadEvent({
    id: 'r1',
    childId: 'c1',
    role: 'auditor',
    view: 'history',
    reason: 'annual audit',
    query: { asAt: '2024-03-31' },
    readBy: 'aud-1',
    readAt: '2024-07-01T10:00:00.000Z',
  });

  it('records who read which child, when, which view and why', () => {
    expect(event).toEqual({
      id: 'r1',
      type: 'CaseHistoryRead',
      data: {
        childId: 'c1',
        role: 'auditor',
        view: 'history',
        reason: 'annual audit',
        query: { asAt: '2024-03-31' },
      },
      metadata: { recordedAt: '2024-07-01T10:00:00.000Z', recordedBy: 'aud-1', schemaVersion: 1 },
    });
  });

  it('leaves out an empty reason and query', () => {
    expect(
      caseHistoryReadEvent({
        id: 'r2',
        childId: 'c1',
        role: 'admin',
        view: 'verify',
        reason: '',
        query: {},
        readBy: 'a',
        readAt: '2024-07-01T10:00:00.000Z',
      }).data,
    ).toEqual({ childId: 'c1', role: 'admin', view: 'verify' });
  });

  it('goes on a daily access-log stream, outside the journey- prefix', () => {
    expect(accessLogStream('2024-07-01T23:59:59.999Z')).toBe('access-log-2024-07-01');
  });

  it('lists as an entry and filters by child and inclusive days', () => {
    const stored = { ...event, streamId: 'access-log-2024-07-01', revision: 0n, globalPosition: 5n };
    const entry = toAccessLogEntry(stored);
    expect(entry).toMatchObject({
      eventId: 'r1',
      readBy: 'aud-1',
      readAt: '2024-07-01T10:00:00.000Z',
      childId: 'c1',
      reason: 'annual audit',
    });
    expect(matchesAccessLogFilter(entry, { childId: 'c1', from: '2024-07-01', to: '2024-07-01' })).toBe(true);
    expect(matchesAccessLogFilter(entry, { childId: 'c2' })).toBe(false);
    expect(matchesAccessLogFilter(entry, { from: '2024-07-02' })).toBe(false);
    expect(matchesAccessLogFilter(entry, { to: '2024-06-30' })).toBe(false);
  });

  it('filters by reader: the user id exactly, with the other filters', () => {
    const stored = { ...event, streamId: 'access-log-2024-07-01', revision: 0n, globalPosition: 5n };
    const entry = toAccessLogEntry(stored);
    expect(matchesAccessLogFilter(entry, { readBy: 'aud-1', childId: 'c1' })).toBe(true);
    expect(matchesAccessLogFilter(entry, { readBy: 'aud-2' })).toBe(false);
    expect(matchesAccessLogFilter(entry, { readBy: 'AUD-1' })).toBe(false);
    expect(matchesAccessLogFilter(entry, { readBy: 'aud-1', childId: 'c2' })).toBe(false);
  });

  it('records a list read with the ids it showed, and lists it under each child named', () => {
    const list = caseHistoryReadEvent({
      id: 'r3',
      childId: '*',
      role: 'panel_member',
      view: 'search',
      query: { route: '/children', q: 'sam tay' },
      childIds: ['c1', 'c2'],
      readBy: 'pm-1',
      readAt: '2024-07-01T11:00:00.000Z',
    });
    expect(list.data).toEqual({
      childId: '*',
      role: 'panel_member',
      view: 'search',
      query: { route: '/children', q: 'sam tay' },
      childIds: ['c1', 'c2'],
    });
    const entry = toAccessLogEntry(list);
    expect(entry.childIds).toEqual(['c1', 'c2']);
    expect(matchesAccessLogFilter(entry, { childId: 'c2' })).toBe(true);
    expect(matchesAccessLogFilter(entry, { childId: '*' })).toBe(true);
    expect(matchesAccessLogFilter(entry, { childId: 'c3' })).toBe(false);
  });

  it('keeps an empty list of ids: a search that found no one', () => {
    const none = caseHistoryReadEvent({
      id: 'r4',
      childId: '*',
      role: 'social_worker',
      view: 'search',
      query: { q: 'nobody' },
      childIds: [],
      readBy: 'sw',
      readAt: '2024-07-01T11:00:00.000Z',
    });
    expect(none.data.childIds).toEqual([]);
  });

  it('Given a CLI read, Then the OS account and host go in the metadata beside readBy, and the entry shows them (review s15 F10)', () => {
    const cli = caseHistoryReadEvent({
      id: 'r5',
      childId: 'c1',
      role: 'operator',
      view: 'bundle',
      readBy: 'dpo.review',
      operator: { osUser: 'jsmith', host: 'ops-1' },
      readAt: '2024-07-01T12:00:00.000Z',
    });
    expect(cli.metadata).toMatchObject({
      recordedBy: 'dpo.review',
      operator: { osUser: 'jsmith', host: 'ops-1' },
    });
    expect(toAccessLogEntry(cli)).toMatchObject({
      readBy: 'dpo.review',
      operator: { osUser: 'jsmith', host: 'ops-1' },
    });
    expect(toAccessLogEntry(event)).not.toHaveProperty('operator');
  });
});
