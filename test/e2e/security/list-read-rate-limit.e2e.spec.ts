import { apiClient, type ApiClient } from '../support/http-client';
import { startTestApp, type TestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';

/**
 * Review D5: one token must not be able to grow the append-only read-access trail as fast as it
 * can send list reads. Each user id has a budget of list reads (here 3 at once, 1 a minute);
 * past it the answer is 429 with Retry-After and nothing is read or recorded.
 */
describe('list reads of personal data are rate-limited per user', () => {
  let t: TestApp;
  let api: ApiClient;
  const mallory = { token: tokenFor('social_worker', 'mallory') };
  const alice = { token: tokenFor('social_worker', 'alice') };
  const auditor = { token: tokenFor('auditor', 'ann') };

  beforeAll(async () => {
    t = await startTestApp({
      app: { security: { listReadLimits: { capacity: 3, refillPerMinute: 1 } } },
    });
    api = apiClient(t.baseUrl);
  });
  afterAll(async () => t.close());

  const trailLength = async (): Promise<number> =>
    (await api.get<{ entries: unknown[] }>('/audit/access-log?childId=*&limit=1000', auditor)).body.entries
      .length;

  it('Given a user has used up their budget, Then the next list read is 429 with Retry-After, and nothing is recorded', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await api.get(`/children?q=a&page=${i + 1}`, mallory)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const before = await trailLength();
    expect(before).toBe(3);

    const limited = await api.get<{ statusCode: number; message: string }>('/children?q=a', mallory);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body).toMatchObject({
      statusCode: 429,
      message: expect.stringMatching(
        /Too many lists of children read: each user may read 3 at once, then 1 a minute/,
      ),
    });
    // Other list routes share the budget.
    expect((await api.get('/drift-report', { token: tokenFor('auditor', 'mallory') })).status).toBe(429);
    expect(await trailLength()).toBe(before);
  });

  it('Given one user is limited, Then another user still reads lists, and the limited one still reads other routes', async () => {
    expect((await api.get('/children?q=a', alice)).status).toBe(200);
    expect((await api.get('/children?q=a', mallory)).status).toBe(429);
    expect((await api.get('/health', mallory)).status).toBe(200);
    expect((await api.get('/audit/access-log?limit=1', auditor)).status).toBe(200);
  });
});
