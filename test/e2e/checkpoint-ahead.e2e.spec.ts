/**
 * A reporting job's checkpoint past the log's head (a store restored from an older backup, or
 * another deployment's checkpoint) is refused with 409 on /events and /feed instead of answering
 * "nothing new": the job would otherwise skip every event written until the head passed it.
 */
import { apiClient, type ApiClient } from './support/http-client';
import { registerBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';
import { withEnv } from './support/with-env';

describe('checkpoints past the head of the log (real HTTP app on a SQLite file)', () => {
  let t: TestApp;
  let api: ApiClient;
  let head = 0n;
  const job = tokenFor('reporting_job');

  beforeAll(async () => {
    // A read waits this long for a minPosition (default 5 s): longer than Jest's 30 s per test, so a
    // minPosition past the head that were waited for, not refused, fails the test by its timeout.
    t = await withEnv({ CARE_JOURNEY_READ_YOUR_WRITES_TIMEOUT_MS: '600000' }, () => startTestApp());
    api = apiClient(t.baseUrl);
    const registered = await api.post<{ globalPosition: string }>('/children', registerBody(), {
      token: tokenFor('social_worker', 'alice'),
    });
    expect(registered.status).toBe(201);
    head = (await t.store.headPosition()) ?? 0n;
    expect(head).toBeGreaterThan(0n);
  });
  afterAll(async () => t.close());

  it.each([
    ['/events', (p: bigint) => `${p}`],
    ['/feed', (p: bigint) => `${p}.1`],
  ])(
    '%s refuses a checkpoint past the head with 409 naming `after`, and serves one at the head',
    async (route, checkpoint) => {
      const ahead = await api.get<Record<string, unknown>>(`${route}?after=${checkpoint(head + 5n)}`, {
        token: job,
      });
      expect(ahead.status).toBe(409);
      expect(ahead.body).toMatchObject({ rule: 'checkpoint-ahead-of-log', field: 'after' });
      expect(String(ahead.body.message)).toContain(`past the log's head (${head})`);

      const atHead = await api.get<string>(`${route}?after=${head}`, { token: job });
      expect(atHead.status).toBe(200);
    },
  );

  // Review s14 F8: this waited 5 s and answered 503 "retry shortly", so a job retried for ever.
  it('/feed refuses a minPosition past the head at once with 409 naming `minPosition`, and waits for one at the head', async () => {
    // "At once" by structure, not by a wall-time bound a loaded machine can overrun: the wait set in
    // beforeAll is 10 minutes, so only a refusal that does not wait answers within the test's time.
    const ahead = await api.get<Record<string, unknown>>(`/feed?minPosition=${head + 1000n}`, { token: job });
    expect(ahead.status).toBe(409);
    expect(ahead.body).toMatchObject({ rule: 'checkpoint-ahead-of-log', field: 'minPosition' });
    expect((await api.get<string>(`/feed?minPosition=${head}`, { token: job })).status).toBe(200);
  });
});
