import type { EventStore } from '@care-journey/event-store';
import { ChildRefRegistry } from '@care-journey/registrations';
import { apiClient, type ApiClient, type ApiResponse } from './support/http-client';
import { registerBody, startCareBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';
import { logWithoutTrail } from './support/log-snapshot';

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
  // Everything but the read-access trail (an admin's read of the log is recorded there).
  const recorded = async () => logWithoutTrail(store);
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

/**
 * An admin releases a reference held by an id that never became a child; the reference can then
 * be registered again. Every refusal names the field and the rule, and records nothing.
 */
describe('POST /admin/child-refs/:childRef/release', () => {
  let app: TestApp;
  let api: ApiClient;
  let store: EventStore;
  const admin = { token: tokenFor('admin', 'ada-admin') };
  const alice = { token: tokenFor('social_worker', 'alice') };
  const reason = 'Registration abandoned after a crash; no such child, confirmed with the team';
  /** A hold recorded `minutesAgo` before now: past the 10-minute settle window unless told. */
  const recording = (minutesAgo = 11) => ({
    recordedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString(),
    recordedBy: 'alice',
  });
  const release = (childRef: string, body: unknown = { reason }, who: { token?: string } = admin) =>
    api.post(`/admin/child-refs/${encodeURIComponent(childRef)}/release`, body, who);

  beforeAll(async () => {
    app = await startTestApp();
    api = apiClient(app.baseUrl);
    store = app.store;
  });
  afterAll(() => app.close());

  /** Runs `act` and checks the log did not move. */
  const recordsNothing = async (act: () => Promise<ApiResponse>): Promise<ApiResponse> => {
    const head = await store.headPosition();
    const response = await act();
    expect(await store.headPosition()).toBe(head);
    return response;
  };

  it('releases a reference whose holder never became a child; another child then registers under it, and auditors see the release', async () => {
    await new ChildRefRegistry(store).reserve('LA-REL-1', 'never-a-child', recording());

    const released = await release('la-rel-1');

    expect(released.status).toBe(201);
    expect(released.body).toMatchObject({ childRef: 'LA-REL-1', childId: 'never-a-child', revision: '1' });
    const child = await api.post<Recorded>('/children', registerBody({ childRef: 'LA-REL-1' }), alice);
    expect(child.status).toBe(201);
    const again = await api.post('/children', registerBody({ childRef: 'LA-REL-1' }), alice);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ rule: 'child-ref-in-use' });

    const log = await api.get<string>('/events?limit=1000', { token: tokenFor('auditor') });
    const refEvents = log.body
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { streamId: string; type: string; data: object; metadata: object })
      .filter((event) => event.streamId === 'child-ref-LA-REL-1');
    expect(refEvents.map((event) => event.type)).toEqual([
      'ChildRefReserved',
      'ChildRefReleased',
      'ChildRefReserved',
    ]);
    expect(refEvents[1]).toMatchObject({
      data: { childRef: 'LA-REL-1', childId: 'never-a-child', reason },
      metadata: { recordedBy: 'ada-admin' },
    });
    const reportingFeed = await api.get<string>('/events?limit=1000', { token: tokenFor('reporting_job') });
    expect(reportingFeed.body).not.toContain('ChildRefReleased');
  });

  it('refuses a release of a hold seconds old (a registration may be in progress), naming the rule and when to retry', async () => {
    await new ChildRefRegistry(store).reserve('LA-REL-6', 'registering-6', recording(0));

    const refused = await recordsNothing(() => release('LA-REL-6'));

    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ rule: 'child-ref-hold-settling', field: 'childRef' });
    expect(JSON.stringify(refused.body)).toMatch(/try again after \d{4}-\d\d-\d\dT/);
  });

  it('is for admins only: every other role gets 403 and nothing is recorded', async () => {
    await new ChildRefRegistry(store).reserve('LA-REL-2', 'never-a-child-2', recording());
    for (const role of ['social_worker', 'panel_member', 'auditor', 'reporting_job'] as const) {
      const response = await recordsNothing(() => release('LA-REL-2', { reason }, { token: tokenFor(role) }));
      expect(response.status).toBe(403);
    }
    expect((await recordsNothing(() => release('LA-REL-2', { reason }, {}))).status).toBe(401);
  });

  it('refuses to release a reference held by a registered child (409, child-ref-holder-registered)', async () => {
    const child = await api.post<Recorded>('/children', registerBody({ childRef: 'LA-REL-3' }), alice);
    expect(child.status).toBe(201);

    const refused = await recordsNothing(() => release('LA-REL-3'));

    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      statusCode: 409,
      rule: 'child-ref-holder-registered',
      field: 'childRef',
      message: expect.stringContaining("released only when its holder's journey never carried it"),
    });
  });

  it('refuses a second release, an unknown reference, a malformed one and a missing reason, naming the field and the rule', async () => {
    await new ChildRefRegistry(store).reserve('LA-REL-4', 'never-a-child-4', recording());
    expect((await release('LA-REL-4')).status).toBe(201);

    const twice = await recordsNothing(() => release('LA-REL-4'));
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ rule: 'child-ref-already-released', field: 'childRef' });

    const unknown = await recordsNothing(() => release('LA-NOBODY'));
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ rule: 'child-ref-not-reserved', field: 'childRef' });

    const malformed = await recordsNothing(() => release('ABCDEFGHIJK'));
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ errors: [{ field: 'childRef', rule: 'child-ref-format' }] });

    const noReason = await recordsNothing(() => release('LA-REL-4', {}));
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({
      errors: expect.arrayContaining([expect.objectContaining({ field: 'reason' })]),
    });

    await new ChildRefRegistry(store).reserve('LA-REL-5', 'never-a-child-5', recording());
    const blankReason = await recordsNothing(() => release('LA-REL-5', { reason: '   ' }));
    expect(blankReason.status).toBe(400);
    expect(blankReason.body).toMatchObject({
      errors: [{ field: 'reason', rule: 'release-reason-required' }],
    });
  });
});
