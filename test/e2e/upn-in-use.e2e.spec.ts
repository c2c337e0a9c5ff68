import type { EventStore } from '@care-journey/event-store';
import { currentSchemaVersion, journeyStream } from '@care-journey/journey';
import { apiClient, type ApiClient, type ApiResponse } from './support/http-client';
import { registerBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';
import { logWithoutTrail } from './support/log-snapshot';

/**
 * A UPN belongs to one child (DfE 903 rule 444): on the real API over HTTP, registering a second
 * child with a UPN another child holds is a 409 naming the field and the rule, and nothing is
 * recorded; the unknown-UPN codes may repeat; of registrations racing with one UPN, one wins.
 */
describe('POST /children: a UPN belongs to one child (903 rule 444)', () => {
  let app: TestApp;
  let api: ApiClient;
  let store: EventStore;
  const alice = { token: tokenFor('social_worker', 'alice') };

  beforeAll(async () => {
    app = await startTestApp();
    api = apiClient(app.baseUrl);
    store = app.store;
  });
  afterAll(() => app.close());

  const expectUpnInUse = (response: ApiResponse) => {
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      statusCode: 409,
      rule: 'upn-in-use',
      field: 'upn',
      message: expect.stringContaining('903 validation rule 444'),
    });
  };

  it('Given a child registered with a UPN, when another child is registered with it, then 409 upn-in-use and nothing is recorded', async () => {
    const first = await api.post(
      '/children',
      registerBody({ childRef: 'UPN-1', upn: 'C123456789012' }),
      alice,
    );
    expect(first.status).toBe(201);
    const before = await logWithoutTrail(store);

    expectUpnInUse(
      await api.post('/children', registerBody({ childRef: 'UPN-2', upn: 'C123456789012' }), alice),
    );

    expect(await logWithoutTrail(store)).toEqual(before);
    // The reference the refused registration named stays free.
    expect(
      (await api.post('/children', registerBody({ childRef: 'UPN-2', upn: 'C123456789013' }), alice)).status,
    ).toBe(201);
  });

  it('Given a child written by another writer (a seed or import), when the API registers its UPN for another child, then 409', async () => {
    await store.appendToStream(
      journeyStream('imported-child'),
      [
        {
          id: 'imported-child-0',
          type: 'ChildRegistered',
          data: { ...registerBody({ childRef: 'IMP-1', upn: 'D123456789012' }), childId: 'imported-child' },
          metadata: {
            recordedAt: '2025-06-01T09:00:00Z',
            recordedBy: 'import',
            schemaVersion: currentSchemaVersion('ChildRegistered'),
          },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    expectUpnInUse(
      await api.post('/children', registerBody({ childRef: 'UPN-3', upn: 'D123456789012' }), alice),
    );
  });

  it('Given the unknown-UPN code UN1, when several children are registered with it, then each is taken', async () => {
    for (const childRef of ['UN-A', 'UN-B', 'UN-C'])
      expect((await api.post('/children', registerBody({ childRef, upn: 'UN1' }), alice)).status).toBe(201);
  });

  it('Given a reference and a UPN both held by another child, then the reference is named first (child-ref-in-use)', async () => {
    const response = await api.post(
      '/children',
      registerBody({ childRef: 'UPN-1', upn: 'C123456789012' }),
      alice,
    );
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ rule: 'child-ref-in-use', field: 'childRef' });
  });

  it('Given six registrations racing with one new UPN, then exactly one is recorded and the others are refused', async () => {
    const responses = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) =>
        api.post('/children', registerBody({ childRef: `RACE-${n}`, upn: 'E123456789012' }), alice),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    for (const refused of responses.filter((r) => r.status === 409)) expectUpnInUse(refused);
  });
});
