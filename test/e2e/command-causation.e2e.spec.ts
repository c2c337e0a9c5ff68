import { readStreamOrEmpty, type EventStore, type RecordedEvent } from '@care-journey/event-store';
import { childRefStream, journeyStream } from '@care-journey/journey';
import { upnStream } from '@care-journey/registrations';
import { idempotentCommandId, RequestHasher } from '../../apps/api/src/children/recording/idempotency';
import { apiClient, type ApiClient } from './support/http-client';
import { registerBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { TEST_JWT_SECRET, tokenFor } from './support/tokens';

/**
 * One command, traced across its streams (review s18-es F6): on the real API over HTTP, a
 * registration writes the 903 reference's reservation, the UPN's reservation and the journey's
 * first event; all three carry the request's correlation id and, as causation id, the command's id
 * (a new uuid, or the name-based id of its Idempotency-Key, so a retry names the same command).
 */
describe('POST /children: every event of one command shares its correlation and causation ids', () => {
  let app: TestApp;
  let api: ApiClient;
  let store: EventStore;
  const alice = tokenFor('social_worker', 'alice');

  beforeAll(async () => {
    app = await startTestApp();
    api = apiClient(app.baseUrl);
    store = app.store;
  });
  afterAll(() => app.close());

  const streamEvents = async (stream: string): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for await (const event of readStreamOrEmpty(store, stream)) events.push(event);
    return events;
  };
  /** The registration's three events: reference, UPN, journey. */
  const written = async (childRef: string, upn: string, childId: string) => [
    ...(await streamEvents(childRefStream(childRef))),
    ...(await streamEvents(upnStream(upn))),
    ...(await streamEvents(journeyStream(childId))),
  ];

  it('Given an X-Correlation-Id, When a child is registered, Then its reservations and its registration carry it and one causation id, the command’s', async () => {
    const body = registerBody({ childRef: 'CAUSE-1', upn: 'C100000000001' });
    const response = await api.post<{ childId: string }>('/children', body, {
      token: alice,
      headers: { 'x-correlation-id': 'corr-f6-1' },
    });
    expect(response.status).toBe(201);

    const events = await written('CAUSE-1', 'C100000000001', response.body.childId);
    expect(events.map((event) => event.type)).toEqual(['ChildRefReserved', 'UpnReserved', 'ChildRegistered']);
    const causation = events[0]!.metadata.causationId;
    expect(causation).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/); // a new uuid: unkeyed
    for (const event of events)
      expect(event.metadata).toMatchObject({
        recordedBy: 'alice',
        correlationId: 'corr-f6-1',
        causationId: causation,
        schemaVersion: 1,
      });
  });

  it('Given an Idempotency-Key, When a child is registered, Then every event’s causation id is the keyed command’s name-based id', async () => {
    const sent = registerBody({ childRef: 'CAUSE-2', upn: 'C100000000002' });
    const body = { ...sent, childId: 'cause-2' };
    const response = await api.post<{ childId: string }>('/children', body, {
      token: alice,
      headers: { 'idempotency-key': 'f6-key-1' },
    });
    expect(response.status).toBe(201);

    const events = await written('CAUSE-2', 'C100000000002', 'cause-2');
    const requestHash = new RequestHasher(TEST_JWT_SECRET).hash('RegisterChild', 'cause-2', sent);
    const commandId = idempotentCommandId('alice', 'f6-key-1', requestHash);
    expect(events).toHaveLength(3);
    for (const event of events) expect(event.metadata.causationId).toBe(commandId);
    // One correlation id for the three (a new one: the client sent none).
    expect(new Set(events.map((event) => event.metadata.correlationId)).size).toBe(1);
  });
});
