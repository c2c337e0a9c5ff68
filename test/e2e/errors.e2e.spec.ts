import { StoreUnavailable } from '@care-journey/event-store';
import { apiClient, type ApiClient } from './support/http-client';
import { moveBody, registerBody } from './support/journey-bodies';
import { eventCount, newChild } from './support/journey-setup';
import { startTestApp, type TestApp } from './support/test-app';
import { badTokens, tokenFor } from './support/tokens';

/** The default authority's teams: a new allocation must name one of them. */
const TEAMS = ['Children in Care North', 'Children in Care South', 'Children in Care Fenland'];

describe('every error class, over HTTP', () => {
  let t: TestApp;
  let api: ApiClient;
  const worker = { token: tokenFor('social_worker', 'alice') };

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
  });
  afterAll(async () => t.close());
  afterEach(() => jest.restoreAllMocks());

  describe('400: a malformed request names each field and rule, and records nothing', () => {
    it('names nested fields, bad codes, impossible dates, unknown and missing fields', async () => {
      const childId = await newChild(api);
      const before = await eventCount(api, childId);
      const response = await api.post<{ errors: { field: string; rule: string }[] }>(
        `/children/${childId}/placement-changes`,
        {
          effectiveDate: '2023-02-30',
          placement: { placementType: 'XX', inArea: 'yes' },
          sameCarer: false,
          colour: 'blue',
        },
        worker,
      );
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(response.body.errors.map(({ field, rule }) => `${field}:${rule}`).sort()).toEqual([
        'colour:whitelistValidation',
        'effectiveDate:isCalendarDate',
        'placement.inArea:isBoolean',
        'placement.placementType:isIn',
        'reasonForChange:isDefined',
      ]);
      expect(await eventCount(api, childId)).toBe(before);
    });

    it('refuses a body that is not JSON', async () => {
      const response = await fetch(`${t.baseUrl}/children`, {
        method: 'POST',
        headers: { authorization: `Bearer ${worker.token}`, 'content-type': 'application/json' },
        body: '{"effectiveDate": ',
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { errors: unknown[] }).errors).toEqual([
        { field: '(body)', rule: 'isJson', message: expect.stringMatching(/^the body must be valid JSON: /) },
      ]);
    });

    it.each([
      ['page=0', 'page:min'],
      ['pageSize=201', 'pageSize:max'],
      ['pageSize=abc', 'pageSize:isInt'],
      ['sort=asc', 'sort:whitelistValidation'],
    ])('validates paging: %s', async (query, expected) => {
      const childId = await newChild(api, { inCare: false });
      const response = await api.get<{ errors: { field: string; rule: string }[] }>(
        `/children/${childId}/events?${query}`,
        worker,
      );
      expect(response.status).toBe(400);
      expect(response.body.errors.map(({ field, rule }) => `${field}:${rule}`)).toContain(expected);
    });

    it('validates the child id in the path and the If-Match header', async () => {
      const badId = await api.get<{ errors: { field: string }[] }>('/children/not%20an%20id!', worker);
      expect(badId.status).toBe(400);
      expect(badId.body.errors[0].field).toBe('id');
      const childId = await newChild(api);
      const badIfMatch = await api.post<{ errors: { field: string }[] }>(
        `/children/${childId}/reviews`,
        { effectiveDate: '2023-03-01', participation: 'PN0' },
        {
          ...worker,
          headers: { 'if-match': 'W/"1"' },
        },
      );
      expect(badIfMatch.status).toBe(400);
      expect(badIfMatch.body.errors[0].field).toBe('If-Match');
    });
  });

  describe('422: a broken journey rule is named, and records nothing', () => {
    it('refuses a move for a child not in care', async () => {
      const childId = await newChild(api, { inCare: false });
      const response = await api.post(
        `/children/${childId}/placement-changes`,
        moveBody('2023-03-15', 'U6', 'PR4', 'LS2 7AB'),
        worker,
      );
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({
        statusCode: 422,
        rule: expect.stringMatching(/outside-period-of-care|not-in-care/),
        field: 'effectiveDate',
      });
      expect(await eventCount(api, childId)).toBe(1);
    });

    it('refuses a date after the day it is recorded', async () => {
      const childId = await newChild(api);
      const response = await api.post(
        `/children/${childId}/reviews`,
        { effectiveDate: '2099-01-01', participation: 'PN0' }, // in the future, inside the years dates are taken for
        worker,
      );
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ rule: 'date-in-future', field: 'effectiveDate' });
      expect(await eventCount(api, childId)).toBe(2);
    });

    it('refuses registering the same child id twice', async () => {
      const body = registerBody({ childId: 'fixed-id-1' });
      expect((await api.post('/children', body, worker)).status).toBe(201);
      const again = await api.post('/children', body, worker);
      expect(again.status).toBe(422);
      expect(again.body).toMatchObject({ rule: 'child-already-registered' });
      expect(await eventCount(api, 'fixed-id-1')).toBe(1);
    });
  });

  describe('404: an unknown child', () => {
    it.each([
      ['GET', '/children/nobody'],
      ['GET', '/children/nobody/events'],
      ['POST', '/children/nobody/reviews'],
    ])('%s %s', async (method, path) => {
      const body = method === 'POST' ? { effectiveDate: '2023-03-01', participation: 'PN0' } : undefined;
      const response = await api.send(method, path, body, worker);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ statusCode: 404, message: 'No child with id nobody' });
    });

    it('and an unknown route', async () => {
      expect((await api.get('/no-such-thing', worker)).status).toBe(404);
    });
  });

  describe('409: If-Match with a revision that has moved on', () => {
    it('writes when If-Match is the current revision (quoted or bare), refuses a stale one with both revisions', async () => {
      const childId = await newChild(api);
      const child = await api.get(`/children/${childId}`, worker);
      const etag = child.headers.get('etag') as string;
      expect(etag).toBe('"1"');

      const first = await api.post(
        `/children/${childId}/reviews`,
        { effectiveDate: '2023-03-01', participation: 'PN0' },
        { ...worker, headers: { 'if-match': etag } },
      );
      expect(first.status).toBe(201);
      expect(first.headers.get('etag')).toBe('"2"');

      // Would be valid against the new state, but the client decided against revision 1: no re-decide.
      const stale = await api.post(
        `/children/${childId}/reviews`,
        { effectiveDate: '2023-05-01', participation: 'PN0' },
        { ...worker, headers: { 'if-match': '1' } },
      );
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ statusCode: 409, expectedRevision: '1', actualRevision: '2' });
      expect(await eventCount(api, childId)).toBe(3);

      const bare = await api.post(
        `/children/${childId}/reviews`,
        { effectiveDate: '2023-05-01', participation: 'PN0' },
        { ...worker, headers: { 'if-match': '2' } },
      );
      expect(bare.status).toBe(201);
    });
  });

  describe('409 and re-decide: a write lands between our read and our append', () => {
    /** Makes another user's write land just before each of the next `times` appends tagged `ours`. */
    function interleave(times: number, competitor: () => Promise<unknown>): void {
      const original = t.store.appendToStream.bind(t.store);
      let left = times;
      jest.spyOn(t.store, 'appendToStream').mockImplementation(async (stream, events, options) => {
        if (left > 0 && events[0]?.metadata.correlationId === 'ours') {
          left -= 1;
          await competitor();
        }
        return original(stream, events, options);
      });
    }
    const ours = { ...worker, headers: { 'x-correlation-id': 'ours' } };
    let allocations = 0;
    const reallocate = (childId: string) => () =>
      api.post(
        `/children/${childId}/allocation`,
        // Each competing allocation differs, by one of the configured teams.
        { effectiveDate: '2023-02-10', team: TEAMS[++allocations % TEAMS.length], socialWorker: 'sw.demo' },
        { token: tokenFor('social_worker', 'bob') },
      );

    it('re-decides once against the fresh state and succeeds', async () => {
      const childId = await newChild(api);
      interleave(1, reallocate(childId));
      const response = await api.post(
        `/children/${childId}/reviews`,
        { effectiveDate: '2023-03-01', participation: 'PN0' },
        ours,
      );
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ revision: '3' });
      expect(await eventCount(api, childId)).toBe(4);
    });

    it('re-decides and reports the rule the fresh state now breaks', async () => {
      const childId = await newChild(api);
      const review = { effectiveDate: '2023-03-01', participation: 'PN0' };
      interleave(1, () =>
        api.post(`/children/${childId}/reviews`, review, { token: tokenFor('social_worker', 'bob') }),
      );
      const response = await api.post(`/children/${childId}/reviews`, review, ours);
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ rule: 'review-already-recorded-on-date' });
      expect(await eventCount(api, childId)).toBe(3);
    });

    it('answers 409 with the current revision when it clashes again', async () => {
      const childId = await newChild(api);
      interleave(2, reallocate(childId));
      const response = await api.post(
        `/children/${childId}/reviews`,
        { effectiveDate: '2023-03-01', participation: 'PN0' },
        ours,
      );
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject({ statusCode: 409, expectedRevision: '2', actualRevision: '3' });
      expect(await eventCount(api, childId)).toBe(4); // the two competing allocations, not our review
    });

    it('keeps the stream consistent under truly parallel writers', async () => {
      const childId = await newChild(api);
      const dates = [
        '2023-02-20',
        '2023-02-21',
        '2023-02-22',
        '2023-02-23',
        '2023-02-24',
        '2023-02-27',
        '2023-02-28',
        '2023-03-01',
      ];
      const responses = await Promise.all(
        dates.map((effectiveDate) =>
          api.post(`/children/${childId}/reviews`, { effectiveDate, participation: 'PN0' }, worker),
        ),
      );
      const statuses = responses.map((r) => r.status);
      expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
      const written = statuses.filter((s) => s === 201).length;
      expect(written).toBeGreaterThan(0);
      expect(await eventCount(api, childId)).toBe(2 + written);
      const revisions = responses.filter((r) => r.status === 201).map((r) => r.body.revision);
      expect(new Set(revisions).size).toBe(written);
    });
  });

  describe('401: no token or a bad one', () => {
    it.each([
      ['no Authorization header', undefined, /Missing Authorization header/],
      ['not a Bearer header', 'Basic YWxpY2U6c2VjcmV0', /must be "Bearer <token>"/],
      ['an expired token', `Bearer ${badTokens.expired()}`, /expired/],
      ['a token signed with another secret', `Bearer ${badTokens.wrongSignature()}`, /signature is invalid/],
      ['a token for another audience', `Bearer ${badTokens.wrongAudience()}`, /audience/],
      ['a token from another issuer', `Bearer ${badTokens.wrongIssuer()}`, /issuer/],
      ['a token with an unknown role', `Bearer ${badTokens.unknownRole()}`, /not a Care Journey role/],
      ['garbage', `Bearer ${badTokens.garbage()}`, /invalid/i],
    ])('%s', async (_label, authorization, message) => {
      const response = await api.post('/children', registerBody(), {
        headers: authorization ? { authorization } : {},
      });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ statusCode: 401, message: expect.stringMatching(message) });
    });
  });

  describe('403: a valid token for a role the route does not admit', () => {
    it.each([
      ['panel_member', 'POST', '/children'],
      ['auditor', 'POST', '/children'],
      ['reporting_job', 'GET', '/children/someone/events'],
      ['panel_member', 'GET', '/children/someone/events'],
    ] as const)('%s cannot %s %s', async (role, method, path) => {
      const response = await api.send(method, path, method === 'POST' ? registerBody() : undefined, {
        token: tokenFor(role),
      });
      expect(response.status).toBe(403);
      expect(response.body).toMatchObject({
        statusCode: 403,
        message: expect.stringContaining(`Role ${role} may not`),
      });
    });
  });

  describe('503: the store is unavailable', () => {
    it('answers 503 and says nothing was recorded', async () => {
      const childId = await newChild(api);
      jest.spyOn(t.store, 'appendToStream').mockRejectedValue(new StoreUnavailable('disk full'));
      const response = await api.post(
        `/children/${childId}/reviews`,
        { effectiveDate: '2023-03-01', participation: 'PN0' },
        worker,
      );
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({
        statusCode: 503,
        message: expect.stringContaining('nothing was recorded'),
      });
    });

    it('reports not ready', async () => {
      jest
        .spyOn(t.store, 'headPosition')
        .mockRejectedValue(new StoreUnavailable('gone: /srv/care/events.db'));
      const notReady = await api.get('/health/ready');
      expect(notReady.status).toBe(503);
      // Public: the reason is logged, not sent (it may name the file or the server).
      expect(JSON.stringify(notReady.body)).not.toContain('/srv/care');
      expect(notReady.body.message).toMatch(/not reachable/);
      jest.restoreAllMocks();
      // The append refused above keeps readiness "degraded" until one gets through (review s12-ops F4).
      expect((await api.get('/health/ready')).body).toMatchObject({ reason: 'store-not-writable' });
      await newChild(api);
      expect((await api.get('/health/ready')).status).toBe(200);
      expect((await api.get('/health')).body).toEqual({ status: 'ok' });
    });
  });

  it("the drift report CSV refuses a date it cannot read (it used to send today's report under it)", async () => {
    const panel = { token: tokenFor('panel_member', 'pat') };
    const refused = await api.get<string>('/panel/drift.csv?asAt=2025-02-30', panel);
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('As at date must be a real date, YYYY-MM-DD');
    expect(refused.body).not.toContain('as_at,child_id');
    const answered = await api.get<string>('/panel/drift.csv?asAt=2025-03-31', panel);
    expect(answered.status).toBe(200);
    expect(answered.body).toMatch(/^as_at,child_id/);
  });

  it('a reporting job sees the child without personal details', async () => {
    const childId = await newChild(api);
    const response = await api.get<{ child: Record<string, unknown>; personalDataIncluded: boolean }>(
      `/children/${childId}`,
      { token: tokenFor('reporting_job') },
    );
    expect(response.status).toBe(200);
    expect(response.body.personalDataIncluded).toBe(false);
    expect(response.body.child).toMatchObject({ childRef: expect.any(String), sex: '2' });
    for (const personal of ['name', 'dateOfBirth', 'upn', 'homePostcode'])
      expect(response.body.child).not.toHaveProperty(personal);
    expect(JSON.stringify(response.body)).not.toContain('Sam Taylor');
  });
});
