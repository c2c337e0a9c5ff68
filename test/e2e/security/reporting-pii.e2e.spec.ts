import { apiClient, type ApiClient } from '../support/http-client';
import { moveBody, registerBody, startCareBody } from '../support/journey-bodies';
import { pollUntil } from '../support/poll';
import { normalise, ROUTE_ROLES } from '../support/route-roles';
import { startTestApp, type TestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';
import { keyOf, routesToCheck, urlFor } from './route-calls';

/** Identifiers chosen so that no other text can contain them by chance. */
const CHILD = {
  name: 'Zephyrine Quillfeather',
  dateOfBirth: '2016-07-23',
  upn: 'K802193746015',
  homePostcode: 'YO17 9QZ',
};
const DIRECT_IDENTIFIERS = [
  CHILD.name,
  'Zephyrine',
  'Quillfeather',
  CHILD.dateOfBirth,
  '23/07/2016',
  '23 July 2016',
  CHILD.upn,
  CHILD.homePostcode,
  CHILD.homePostcode.replace(' ', ''),
];

/** 903 OC2 for a child 12 months in care by 31 March 2024 (aged 7: no conviction item). */
const HEALTH_OUTCOMES = {
  effectiveDate: '2024-03-31',
  sdqScore: 27,
  immunisations: true,
  teethCheck: false,
  healthAssessment: true,
  substanceMisuse: true,
  interventionReceived: true,
};
const HEALTH_AND_OFFENDING = ['"sdqScore"', '"substanceMisuse"', '"interventionReceived"', '"teethCheck"'];

/** The reporting job must never receive a name or other direct identifier, on any route it may call. */
describe('reporting_job: no direct identifiers on any route it can call', () => {
  let t: TestApp;
  let api: ApiClient;
  let childId: string;
  const worker = { token: tokenFor('social_worker', 'alice') };

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    const registered = await api.post<{ childId: string }>(
      '/children',
      registerBody({ ...CHILD, effectiveDate: '2023-02-01' }),
      worker,
    );
    childId = registered.body.childId;
    const eventIds: Record<string, string> = {};
    for (const [path, body] of [
      ['periods-of-care', startCareBody],
      ['reviews', { effectiveDate: '2023-03-02', participation: 'PN1' }],
      ['placement-changes', moveBody('2023-03-15', 'U6', 'PR4', 'LS2 7AB')],
      ['health-outcomes', HEALTH_OUTCOMES],
    ] as const) {
      const recorded = await api.post<{ events: { id: string }[] }>(
        `/children/${childId}/${path}`,
        body,
        worker,
      );
      if (recorded.status !== 201) throw new Error(`${path}: ${JSON.stringify(recorded.body)}`);
      eventIds[path] = recorded.body.events[0].id;
    }
    // A correction's reason is free text and may name the child: reporting jobs must not get it.
    const amended = await api.post(
      `/children/${childId}/corrections/amend`,
      {
        correctedEventId: eventIds.reviews,
        reason: `${CHILD.name} said she spoke for herself`,
        amendedData: { effectiveDate: '2023-03-02', participation: 'PN2' },
      },
      worker,
    );
    if (amended.status !== 201) throw new Error(`amend: ${JSON.stringify(amended.body)}`);
    // An auditor's read goes on the access trail with its reason: the trail is not the reporting job's.
    const read = await api.get(
      `/children/${childId}/history?reason=${encodeURIComponent(`complaint about ${CHILD.name}`)}`,
      {
        token: tokenFor('auditor', 'aud-1'),
      },
    );
    if (read.status !== 200) throw new Error(`history: ${JSON.stringify(read.body)}`);
    // Reports read the projections: wait until they hold this child (and say so if they never do).
    const health = await pollUntil(
      () => api.get<{ lag?: string }>('/health/projections'),
      (answer) => answer.body.lag === '0',
    );
    expect(health.body.lag).toBe('0');
  });
  afterAll(async () => t.close());

  it('sends none of the child’s name, date of birth, UPN or home postcode, and the routes do answer', async () => {
    const token = tokenFor('reporting_job', 'nightly-return');
    const leaks: string[] = [];
    const answered: string[] = [];
    for (const route of routesToCheck(t.routes)) {
      const declared = ROUTE_ROLES[keyOf(route)];
      // An undeclared route (the role matrix fails for it) is checked too: its roles are unknown.
      const expected = declared === undefined ? undefined : normalise(declared);
      if (expected && !expected.public && !expected.roles.includes('reporting_job')) continue;
      const body = route.method === 'GET' ? undefined : {};
      for (const accept of ['application/json', 'text/html,text/csv,*/*']) {
        const response = await api.send(route.method, urlFor(route.url, childId), body, {
          token,
          headers: { accept },
        });
        const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
        const found = DIRECT_IDENTIFIERS.filter((identifier) => text.includes(identifier));
        if (found.length) leaks.push(`${keyOf(route)} (${accept}) → ${response.status}: ${found.join(', ')}`);
        if (response.status === 200) answered.push(keyOf(route));
      }
    }
    expect(leaks).toEqual([]);
    // The check means something only if the reports and the child's pages did answer.
    for (const route of [
      'GET /children/:id',
      'GET /drift-report',
      'GET /panel/children/:id',
      'GET /panel/drift',
    ]) {
      if (route in ROUTE_ROLES) expect(answered).toContain(route);
    }
    process.stdout.write(
      `reporting_job PII check: ${new Set(answered).size} routes answered 200, no identifier found\n`,
    );
  });

  it('gets no read-access trail in the raw event feed (GET /audit/access-log is closed to it)', async () => {
    const feed = await api.get<string>('/events?limit=10000', { token: tokenFor('reporting_job') });
    expect(feed.status).toBe(200);
    expect(feed.body).toContain('"PeriodOfCareStarted"');
    expect(feed.body).not.toContain('"CaseHistoryRead"');
    const auditor = await api.get<string>('/events?limit=10000', { token: tokenFor('auditor') });
    expect(auditor.body).toContain('"CaseHistoryRead"');
  });

  it('gets no health or offending items on /events (they are in the 903 return it takes), which an auditor does see', async () => {
    const feed = await api.get<string>('/events?limit=10000', { token: tokenFor('reporting_job') });
    const outcomes = feed.body.split('\n').filter((line) => line.includes('"AnnualHealthOutcomesRecorded"'));
    expect(outcomes).toHaveLength(1);
    expect(JSON.parse(outcomes[0])).toMatchObject({ data: { childId, effectiveDate: '2024-03-31' } });
    for (const item of HEALTH_AND_OFFENDING) expect(outcomes[0]).not.toContain(item);
    const auditor = await api.get<string>('/events?limit=10000', { token: tokenFor('auditor') });
    for (const item of HEALTH_AND_OFFENDING) expect(auditor.body).toContain(item);
  });

  it('records each /events page it reads in the read-access trail, naming the children on it (one entry per page)', async () => {
    const auditor = { token: tokenFor('auditor', 'dpo') };
    const trailOf = async (): Promise<Record<string, unknown>[]> =>
      (await api.get<{ entries: Record<string, unknown>[] }>(`/audit/access-log?childId=${childId}`, auditor))
        .body.entries;
    const before = (await trailOf()).length;
    expect(
      (await api.get('/events?limit=10000', { token: tokenFor('reporting_job', 'nightly-return') })).status,
    ).toBe(200);
    const after = await trailOf();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({
      childId: '*',
      role: 'reporting_job',
      readBy: 'nightly-return',
      view: 'log',
      query: { route: '/events', after: '0', limit: '10000' },
      childIds: [childId],
    });
  });

  it('the same routes do show the name to a social worker (the identifiers are really there to find)', async () => {
    const child = await api.get(`/children/${childId}`, worker);
    expect(JSON.stringify(child.body)).toContain(CHILD.name);
    const asReporter = await api.get(`/children/${childId}`, { token: tokenFor('reporting_job') });
    expect(asReporter.body).toMatchObject({ view: 'pseudonymised', personalDataIncluded: false });
    // The placement's postcode says where the child lives: its district only, as on /events.
    expect(asReporter.body).toMatchObject({ currentPlacement: { postcode: 'LS2' } });
    expect(child.body).toMatchObject({ currentPlacement: { postcode: 'LS2 7AB' } });
  });
});
