/**
 * Review s12-ops F4: with the store unable to record (disk full), writes and every read that
 * records its read-access trail entry answer 503 (fail closed: a read of personal data is not
 * served unrecorded), and /health/ready now says so instead of "ready". Real HTTP app on a real
 * SQLite file; the disk is "full" through SQLite's own page limit (PRAGMA max_page_count), which
 * fails appends with SQLITE_FULL exactly as a full disk does.
 */
import type { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { apiClient, type ApiClient } from './support/http-client';
import { registerBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

describe('a store that cannot record: reads fail closed and readiness says so', () => {
  let t: TestApp;
  let api: ApiClient;
  let childId: string;
  const admin = { token: tokenFor('admin') };
  const sw = { token: tokenFor('social_worker', 'alice') };
  /** A PRAGMA on the connection the store's appends go through (its writer thread's). */
  const writerPragma = (sql: string) => (t.store as SqliteEventStore).writerPragma(sql);
  const pragmaValue = async (name: string) =>
    ((await writerPragma(name)) as Record<string, number>[])[0][name];

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    const registered = await api.post<{ childId: string }>('/children', registerBody(), sw);
    expect(registered.status).toBe(201);
    childId = registered.body.childId;
  });
  afterAll(async () => t.close());

  it('Given the store is full, When a child is read, Then 503, and /health/ready answers 503 degraded store-not-writable; once it records again, Then both recover', async () => {
    const limit = await pragmaValue('max_page_count');
    await writerPragma(`max_page_count = ${await pragmaValue('page_count')}`);
    try {
      // Enough appends to overflow the last free page (one read records one trail entry).
      let read = await api.get(`/children/${childId}`, admin);
      for (let i = 0; i < 50 && read.status === 200; i += 1)
        read = await api.get(`/children/${childId}`, admin);
      expect(read.status).toBe(503);

      const anonymous = await api.get<Record<string, unknown>>('/health/ready');
      expect(anonymous.status).toBe(503);
      expect(anonymous.body).toMatchObject({ status: 'degraded', reason: 'store-not-writable' });
      expect(anonymous.body.since).toBeUndefined(); // timings for a signed-in caller only
      const signedIn = await api.get<Record<string, unknown>>('/health/ready', admin);
      expect(signedIn.body).toMatchObject({ status: 'degraded', reason: 'store-not-writable' });
      expect(typeof signedIn.body.since).toBe('string');
      // Liveness stays 200: the process is alive; restarting it would not free the disk.
      expect((await api.get('/health')).status).toBe(200);
    } finally {
      await writerPragma(`max_page_count = ${limit}`);
    }
    expect((await api.get(`/children/${childId}`, admin)).status).toBe(200);
    const ready = await api.get<Record<string, unknown>>('/health/ready');
    expect({ status: ready.status, body: ready.body }).toEqual({ status: 200, body: { status: 'ready' } });
  });
});
