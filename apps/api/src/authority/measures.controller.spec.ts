/** The measures endpoints on the real app over HTTP, on a temp SQLite file with two journeys. */
import { dateInEngland } from '@care-journey/journey';
import { apiClient, type ApiClient } from '../../../../test/e2e/support/http-client';
import { startTestApp, type TestApp } from '../../../../test/e2e/support/test-app';
import { tokenFor } from '../../../../test/e2e/support/tokens';
import { appendEvents } from '../../../../libs/projections/src/testing/log-fixtures';
import { child, placed } from '../../../../libs/projections/src/authority/testing/authority-journey';

describe('GET /measures', () => {
  let t: TestApp;
  let api: ApiClient;
  const panel = { token: tokenFor('panel_member') };
  const job = { token: tokenFor('reporting_job') };

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    const leaver = child('leaver')
      .child('2010-01-01', { homePostcode: 'CB1 2AB' })
      .startsIn('2024-01-10', placed('U6', 'PR4', 'PE1 4LW'))
      .endCare('2024-03-15', 'E4A');
    const joiner = child('joiner')
      .child('2010-01-01', { homePostcode: 'CB1 2AB' })
      .startsIn('2024-03-15', placed('U4', 'PR1', 'CB4 1UW'));
    await appendEvents(t.store, 'leaver', leaver.events);
    await appendEvents(t.store, 'joiner', joiner.events);
  });
  afterAll(async () => t.close());

  it('returns the monthly series as JSON', async () => {
    const response = await api.get<{
      authority: unknown;
      rows: { month: string; lookedAfter: { count: number }; flows: { started: number; ceased: number } }[];
    }>('/measures?from=2024-01&to=2024-03', job);
    expect(response.status).toBe(200);
    expect(response.body.authority).toEqual({ la: 'E10000003', name: 'Cambridgeshire' });
    expect(
      response.body.rows.map((r) => [r.month, r.lookedAfter.count, r.flows.started, r.flows.ceased]),
    ).toEqual([
      ['2024-01', 1, 1, 0],
      ['2024-02', 1, 0, 0],
      ['2024-03', 1, 1, 1],
    ]);
  });

  it('returns the series as CSV, one row a month', async () => {
    const response = await api.get<string>('/measures?from=2024-01&to=2024-03&format=csv', job);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const lines = response.body.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0].startsWith('month,from,to,')).toBe(true);
  });

  it('lists the children behind a figure with names for the panel, by child id only for a reporting job', async () => {
    const path = '/measures/location/children?from=2024-02-01&to=2024-02-29';
    const forPanel = await api.get<{ children: Record<string, unknown>[] }>(path, panel);
    expect(forPanel.body.children).toEqual([
      {
        childId: 'leaver',
        childRef: 'REF-leaver',
        name: 'Child leaver',
        detail: expect.objectContaining({ inArea: false, distanceMiles: 31.3 }),
      },
    ]);
    const forJob = await api.get<{ children: Record<string, unknown>[] }>(path, job);
    expect(forJob.body.children).toEqual([
      { childId: 'leaver', detail: expect.objectContaining({ inArea: false }) },
    ]);
    const csv = await api.get<string>(`${path}&format=csv`, job);
    expect(csv.body.split('\n')[0]).toBe('childId,inArea,distanceMiles,moreThanDistance,placementType,since');
  });

  it('takes a month for the children behind a figure as /measures does: from its first day to its last', async () => {
    const byDay = await api.get<Record<string, unknown>>(
      '/measures/location/children?from=2024-02-01&to=2024-02-29',
      panel,
    );
    const byMonth = await api.get<Record<string, unknown>>(
      '/measures/location/children?from=2024-02&to=2024-02',
      panel,
    );
    expect(byMonth.status).toBe(200);
    expect(byMonth.body).toEqual(byDay.body);
    expect(byMonth.body).toMatchObject({ from: '2024-02-01', to: '2024-02-29' });
    // The series' month and the children behind it: the same window, the same count.
    const series = await api.get<{ rows: { flows: { started: number } }[] }>(
      '/measures?from=2024-03&to=2024-03',
      panel,
    );
    const started = await api.get<{ children: unknown[]; from: string; to: string }>(
      '/measures/started/children?from=2024-03&to=2024-03',
      panel,
    );
    expect(started.body).toMatchObject({ from: '2024-03-01', to: '2024-03-31' });
    expect(started.body.children).toHaveLength(series.body.rows[0].flows.started);
  });

  it.each([
    ['/measures?from=2024-02-30&to=2024-03', 'from'],
    ['/measures?from=2024-01&to=2024-1', 'to'],
    ['/measures/location/children?from=2024-13&to=2024-03', 'from'],
    ['/measures/location/children?from=2024-01-01&to=2023-02-29', 'to'],
  ])('refuses %s with a 400 naming %s and the rule, the same on both routes', async (path, field) => {
    const response = await api.get<{ errors: unknown[] }>(path, panel);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      {
        field,
        rule: 'isMonthOrCalendarDate',
        message: `${field} must be a month YYYY-MM (for example 2025-03) or a real calendar date YYYY-MM-DD`,
      },
    ]);
  });

  it('prices a change of mix, and refuses one larger than the group', async () => {
    const ok = await api.get(
      '/measures/what-if?date=2024-02-01&from=agency_fostering&to=in_house_fostering&count=1',
      panel,
    );
    expect(ok.body).toMatchObject({ weeklySaving: 378, annualSaving: 378 * 52 });
    const tooMany = await api.get<{ errors: unknown[] }>(
      '/measures/what-if?date=2024-02-01&from=agency_fostering&to=in_house_fostering&count=5',
      panel,
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors).toEqual([
      {
        field: 'moves[0].count',
        rule: 'whatIf',
        message: 'moves[0].count: only 1 agency_fostering placement(s) on 2024-02-01',
      },
    ]);
  });

  it('Given a date after today, When a change of mix is priced, Then it answers as a projection from the placements held today and says so; a day passed carries no projection', async () => {
    const today = dateInEngland(new Date().toISOString());
    const path = (date: string) =>
      `/measures/what-if?date=${date}&from=in_house_fostering&to=agency_fostering&count=1`;
    const now = await api.get<{ moves: { available: number }[]; projection?: unknown }>(path(today), panel);
    const future = await api.get<{ moves: { available: number }[]; projection?: unknown }>(
      path('2099-01-01'),
      panel,
    );
    expect(now.status).toBe(200);
    expect(now.body).not.toHaveProperty('projection');
    expect(future.status).toBe(200);
    expect(future.body.projection).toEqual({
      from: today,
      assumes:
        `the placements held on ${today} carry on unchanged to 2099-01-01: no one leaves care, moves or ` +
        'turns 18 in between; the unit costs are those in force on 2099-01-01',
    });
    // The joiner, still placed today, is the one placement the group holds then.
    expect(future.body.moves[0].available).toBe(now.body.moves[0].available);
    expect(future.body.moves[0].available).toBe(1);
  });

  it('answers bad input with 400 naming the field, and no token with 401', async () => {
    const backwards = await api.get<{ errors: { field: string }[] }>(
      '/measures?from=2024-03&to=2024-01',
      job,
    );
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors[0].field).toBe('to');
    const badMonth = await api.get<{ errors: { field: string }[] }>('/measures?from=2024-13&to=2024-14', job);
    expect(badMonth.status).toBe(400);
    expect(badMonth.body.errors.map((e) => e.field)).toEqual(['from', 'to']);
    const unknownMeasure = await api.get('/measures/nope/children?from=2024-01-01&to=2024-01-31', panel);
    expect(unknownMeasure.status).toBe(400);
    expect((await api.get('/measures?from=2024-01&to=2024-02')).status).toBe(401);
  });

  it('counts events appended just before the request: it waits for the read models to reach the log head', async () => {
    const late = child('late').child('2010-01-01').startsIn('2024-04-02', placed('U4', 'PR1'));
    await appendEvents(t.store, 'late', late.events);
    const response = await api.get<{ rows: { flows: { started: number } }[] }>(
      '/measures?from=2024-04&to=2024-04',
      job,
    );
    expect(response.body.rows[0].flows.started).toBe(1);
  });

  it('serves the settings in use, targets included, for charts', async () => {
    const settings = await api.get<{ targets: { id: string; value: number }[]; costTables: unknown[] }>(
      '/measures/settings',
      job,
    );
    expect(settings.body.targets).toEqual([
      expect.objectContaining({ id: 'three-plus-placements', value: 16 }),
    ]);
  });
});
