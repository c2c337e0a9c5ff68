import type { EventStore } from '@care-journey/event-store';
import { ChildRefRegistry } from '@care-journey/reporting';
import { apiClient, type ApiClient, type ApiResponse } from './support/http-client';
import { registerBody, startCareBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

interface Recorded {
  childId: string;
  revision: string;
  events: { id: string; type: string }[];
}

/**
 * One 903 child reference, one child: on the real API over HTTP, a second child under a reference
 * is a 409 naming the field and the rule, and nothing is recorded; the same child's retries go on.
 */
describe('POST /children: a childRef belongs to one child', () => {
  let app: TestApp;
  let api: ApiClient;
  let store: EventStore;
  const alice = { token: tokenFor('social_worker', 'alice') };
  const bob = { token: tokenFor('social_worker', 'bob') };
  const admin = { token: tokenFor('admin') };
  const keyed = (key: string, user = alice) => ({ ...user, headers: { 'idempotency-key': key } });

  beforeAll(async () => {
    app = await startTestApp();
    api = apiClient(app.baseUrl);
    store = app.store;
  });
  afterAll(() => app.close());

  /** What a refusal must leave as it was: the log's head and the whole events feed. */
  const recorded = async () => ({
    head: await store.headPosition(),
    feed: (await api.get<string>('/events?limit=1000', admin)).body,
  });
  const expectInUse = (response: ApiResponse, holder: string) => {
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      statusCode: 409,
      rule: 'child-ref-in-use',
      field: 'childRef',
      message: expect.stringContaining('already used by another child'),
    });
    // Which child holds it is not said: the sender may not be allowed to see that child.
    expect(JSON.stringify(response.body)).not.toContain(holder);
  };

  it('refuses a second child under a reference (any case), a blind resend too, and records nothing', async () => {
    const first = await api.post<Recorded>('/children', registerBody({ childRef: 'LA-REF-1' }), alice);
    expect(first.status).toBe(201);
    const before = await recorded();

    expectInUse(
      await api.post('/children', registerBody({ childRef: 'LA-REF-1' }), alice),
      first.body.childId,
    );
    expectInUse(
      await api.post('/children', registerBody({ childRef: 'la-ref-1', childId: 'second-child' }), bob),
      first.body.childId,
    );
    expectInUse(
      await api.post('/children', registerBody({ childRef: 'LA-REF-1' }), keyed('other-1', bob)),
      first.body.childId,
    );

    expect(await recorded()).toEqual(before);
    expect((await api.get('/children/second-child', alice)).status).toBe(404);
  });

  it('lets the same child send its registration again: keyed, the same answer; unkeyed with its id, decided as before', async () => {
    const body = registerBody({ childRef: 'LA-REF-2' });
    const first = await api.post<Recorded>('/children', body, keyed('ref-2'));
    expect(first.status).toBe(201);
    const before = await recorded();
    const again = await api.post<Recorded>('/children', body, keyed('ref-2'));
    expect({ status: again.status, body: again.body, etag: again.headers.get('etag') }).toEqual({
      status: first.status,
      body: first.body,
      etag: first.headers.get('etag'),
    });
    const unkeyed = await api.post('/children', { ...body, childId: first.body.childId }, alice);
    expect(unkeyed.status).toBe(422);
    expect(unkeyed.body).toMatchObject({ rule: 'child-already-registered' });
    expect(await recorded()).toEqual(before);
  });

  it('finishes a registration whose reservation was written but not the child (a crash between)', async () => {
    const recording = { recordedAt: new Date().toISOString(), recordedBy: 'alice' };
    expect(await new ChildRefRegistry(store).reserve('LA-REF-3', 'half-done', recording)).toBe(true);
    const retry = await api.post<Recorded>(
      '/children',
      registerBody({ childRef: 'LA-REF-3', childId: 'half-done' }),
      alice,
    );
    expect(retry.status).toBe(201);
    expect(retry.body).toMatchObject({ childId: 'half-done', revision: '0' });
    expectInUse(await api.post('/children', registerBody({ childRef: 'LA-REF-3' }), alice), 'half-done');
  });

  it('puts the reference in the 903 Header once, and keeps reservations out of the reporting job’s feed', async () => {
    const child = await api.post<Recorded>('/children', registerBody({ childRef: 'LA-REF-4' }), alice);
    expect(
      (await api.post(`/children/${child.body.childId}/periods-of-care`, startCareBody, alice)).status,
    ).toBe(201);
    expectInUse(
      await api.post('/children', registerBody({ childRef: 'LA-REF-4' }), alice),
      child.body.childId,
    );
    const header = await api.get<string>('/exports/903?yearEnding=2023-03-31&table=header', {
      token: tokenFor('reporting_job'),
    });
    expect(header.status).toBe(200);
    expect(header.body.split('\n').filter((line) => line.startsWith('LA-REF-4,'))).toHaveLength(1);
    const feed = await api.get<string>('/events?limit=1000', { token: tokenFor('reporting_job') });
    expect(feed.body).not.toContain('ChildRefReserved');
    expect((await api.get<string>('/events?limit=1000', admin)).body).toContain('ChildRefReserved');
  });
});
