import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient, type ApiClient } from './support/http-client';
import { registerBody, startCareBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

interface Recorded {
  childId: string;
  revision: string;
  events: { id: string; type: string }[];
}

/**
 * Two API processes on one SQLite file. Each decides a child's commands on the fold it kept
 * without reading the store; these are the cases where the other one wrote in between.
 */
describe('two APIs on one store: a kept fold made stale by the other API', () => {
  let dir: string;
  let a: TestApp;
  let b: TestApp;
  let apiA: ApiClient;
  let apiB: ApiClient;
  const token = tokenFor('social_worker', 'sw-two');
  const auditor = tokenFor('auditor', 'auditor-two');
  let children = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'care-journey-two-apis-'));
    const sqliteFile = join(dir, 'journeys.db');
    a = await startTestApp({ sqliteFile });
    // The second API leaves the read models to the first (as with a separate projector).
    b = await startTestApp({ sqliteFile, config: { projections: 'worker' } });
    apiA = apiClient(a.baseUrl);
    apiB = apiClient(b.baseUrl);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (api: ApiClient, path: string, body: unknown, headers: Record<string, string> = {}) =>
    api.post<Recorded>(path, body, { token, headers });

  /** A new child registered through A (A keeps its fold), optionally put into care through A. */
  async function childOnA(inCare: boolean): Promise<string> {
    children += 1;
    const childId = `two-${children}`;
    expect((await post(apiA, '/children', registerBody({ childId, childRef: childId }))).status).toBe(201);
    if (inCare)
      expect((await post(apiA, `/children/${childId}/periods-of-care`, startCareBody)).status).toBe(201);
    return childId;
  }

  async function expectVerified(childId: string, checked: number) {
    const verify = await apiA.get(`/children/${childId}/verify`, { token: auditor });
    expect(verify.body).toMatchObject({ childId, ok: true, checked });
  }

  it('B records, then A records on its stale fold: 201 at the next revision, one intact chain', async () => {
    const childId = await childOnA(true);
    const byB = await post(apiB, `/children/${childId}/reviews`, {
      effectiveDate: '2023-03-01',
      participation: 'PN0',
    });
    expect(byB.body.revision).toBe('2');
    const byA = await post(apiA, `/children/${childId}/reviews`, {
      effectiveDate: '2023-04-01',
      participation: 'PN0',
    });
    expect(byA.status).toBe(201);
    expect(byA.body.revision).toBe('3');
    await expectVerified(childId, 4);
  });

  it("B starts care; A's fold (registered only) would refuse a review: A confirms on a fresh read and records it", async () => {
    const childId = await childOnA(false);
    expect((await post(apiB, `/children/${childId}/periods-of-care`, startCareBody)).status).toBe(201);
    const review = await post(apiA, `/children/${childId}/reviews`, {
      effectiveDate: '2023-03-01',
      participation: 'PN0',
    });
    expect(review.status).toBe(201);
    expect(review.body.revision).toBe('2');
    await expectVerified(childId, 3);
  });

  it("If-Match with B's ETag works on A; A's stale revision is a 409", async () => {
    const childId = await childOnA(true);
    const byB = await post(apiB, `/children/${childId}/reviews`, {
      effectiveDate: '2023-03-01',
      participation: 'PN0',
    });
    const body = { effectiveDate: '2023-04-01', participation: 'PN0' };
    const stale = await post(apiA, `/children/${childId}/reviews`, body, { 'if-match': '"1"' });
    expect(stale.status).toBe(409);
    const fresh = await post(apiA, `/children/${childId}/reviews`, body, {
      'if-match': byB.headers.get('etag') ?? '',
    });
    expect(fresh.status).toBe(201);
    expect(fresh.body.revision).toBe('3');
    await expectVerified(childId, 4);
  });

  it('a keyed command B recorded, retried on A, answers what B recorded and records nothing', async () => {
    const childId = await childOnA(true);
    const body = { effectiveDate: '2023-03-01', participation: 'PN0' };
    const first = await post(apiB, `/children/${childId}/reviews`, body, { 'idempotency-key': 'two-k1' });
    expect(first.status).toBe(201);
    const retry = await post(apiA, `/children/${childId}/reviews`, body, { 'idempotency-key': 'two-k1' });
    expect({ status: retry.status, body: retry.body, etag: retry.headers.get('etag') }).toEqual({
      status: 201,
      body: first.body,
      etag: first.headers.get('etag'),
    });
    // A's next command links to the event B stored.
    const next = await post(apiA, `/children/${childId}/reviews`, {
      effectiveDate: '2023-04-01',
      participation: 'PN0',
    });
    expect(next.body.revision).toBe('3');
    await expectVerified(childId, 4);
  });
});
