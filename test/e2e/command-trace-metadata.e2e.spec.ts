/**
 * One command, every stream it writes traceable to it (review s18-es F6): a registration writes the
 * 903 reference's reservation, the UPN's reservation and the journey's ChildRegistered. Each carries
 * the request's correlation id, and as causation id the request's id (X-Request-Id, on its log line).
 * Real HTTP app, real SQLite file.
 */
import type { RecordedEvent } from '@care-journey/event-store';
import { apiClient, type ApiClient } from './support/http-client';
import { registerBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { TEST_JWT_SECRET, tokenFor } from './support/tokens';
import { idempotentCommandId, RequestHasher } from '../../apps/api/src/children/recording/idempotency';

describe('correlation and causation ids of a command, in every stream it writes', () => {
  let t: TestApp;
  let api: ApiClient;
  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
  }, 60_000);
  afterAll(() => t.close());

  it('Given a registration sent with X-Correlation-Id, Then its reservations and its journey event carry it, and the request id as causationId', async () => {
    const sent = await api.post('/children', registerBody({ childRef: 'TRACE-1' }), {
      token: tokenFor('social_worker', 'alice'),
      headers: { 'x-correlation-id': 'corr-trace-1' },
    });
    expect(sent.status).toBe(201);
    const requestId = sent.headers.get('x-request-id');
    expect(requestId).toEqual(expect.any(String));
    const written: RecordedEvent[] = [];
    for await (const event of t.store.readAll())
      if (event.metadata.correlationId === 'corr-trace-1') written.push(event);
    expect(written.map((event) => event.type).sort()).toEqual(
      ['ChildRefReserved', 'ChildRegistered', 'UpnReserved'].sort(),
    );
    for (const event of written) expect(event.metadata).toMatchObject({ causationId: requestId });
  }, 60_000);

  it('Given a registration sent with an Idempotency-Key, Then every event it writes names the keyed command (user, key, request) as causationId', async () => {
    const body = registerBody({ childRef: 'TRACE-2' });
    const sent = await api.post('/children', body, {
      token: tokenFor('social_worker', 'alice'),
      headers: { 'x-correlation-id': 'corr-trace-2', 'idempotency-key': 'trace-key-2' },
    });
    expect(sent.status).toBe(201);
    const requestHash = new RequestHasher(TEST_JWT_SECRET).hash(
      'RegisterChild',
      String(sent.body.childId),
      body,
    );
    const written: RecordedEvent[] = [];
    for await (const event of t.store.readAll())
      if (event.metadata.correlationId === 'corr-trace-2') written.push(event);
    expect(written).toHaveLength(3);
    for (const event of written)
      expect(event.metadata).toMatchObject({
        causationId: idempotentCommandId('alice', 'trace-key-2', requestHash),
      });
  }, 60_000);
});
