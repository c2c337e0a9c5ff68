/**
 * The live projector stuck on an event it can never apply (review M3): /health/projections names
 * the event and since when, to a signed-in caller; without a token only how long, how often and the
 * event's type; the error's whole text only at GET /admin/projections. It answers 503 meanwhile
 * (review s12-ops F11). The real app over HTTP on a
 * real SQLite file, the event written as a newer build would (newer-writer.ts).
 */
import { apiClient, type ApiClient } from './support/http-client';
import { newChild } from './support/journey-setup';
import { pollUntil } from './support/poll';
import { appendAsNewerBuild, healthStuckOnNewerEvent, NEWER_EVENT_ID } from './support/newer-writer';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

interface Failure {
  attempts: number;
  since: string;
  lastAttemptAt: string;
  nextAttemptAt?: string;
  event?: { id?: string; type: string; streamId?: string; globalPosition?: string };
  error: { name: string; message?: string; detail?: string };
}
type Health = { projector: string; failure?: Failure };

describe('a projector stuck on one event: health names it', () => {
  let t: TestApp;
  let api: ApiClient;
  let childId: string;
  let position: bigint;

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    childId = await newChild(api);
    position = await appendAsNewerBuild(t.store, childId);
    await newChild(api); // recorded after it: waits behind it
  });
  afterAll(async () => t.close());

  /** The health answer once the projector has failed on the event (it is polled, not timed). */
  async function stuck(token?: string, path = '/health/projections'): Promise<Health> {
    const seen = await pollUntil(
      () => api.get<Health>(path, token === undefined ? {} : { token }),
      (answer) => answer.body.failure?.event !== undefined,
      { everyMs: 50 },
    );
    if (seen.body.failure?.event !== undefined) return seen.body;
    throw new Error('the projector never reported a stuck event');
  }

  it('Given the projector is stuck, Then /health/projections answers 503 to anyone (the same body), so a monitor alerts on the status alone; GET /admin/projections still answers 200', async () => {
    await stuck();
    expect((await api.get('/health/projections')).status).toBe(503);
    expect((await api.get('/health/projections', { token: tokenFor('auditor') })).status).toBe(503);
    expect((await api.get('/admin/projections', { token: tokenFor('admin') })).status).toBe(200);
    // Liveness and readiness are the process's and the store's: restarting would not unstick it.
    expect((await api.get('/health')).status).toBe(200);
    expect((await api.get('/health/ready')).status).toBe(200);
  });

  it('Given a signed-in caller, Then /health/projections names the event (id, type, stream, position), the error and since when, without the error text', async () => {
    const health = await stuck(tokenFor('social_worker', 'alice'));
    // Failed on every read while it retries, as in worker mode (steady-projector-state.ts).
    expect(health.projector).toBe('failed');
    const expected = healthStuckOnNewerEvent(childId, position);
    expect(health.failure).toEqual(expected.failure);
    expect(health).toMatchObject(expected.reason);
    expect(health.failure?.attempts).toBeGreaterThanOrEqual(1);
    // No case data: not the review's data, not the child's details.
    expect(JSON.stringify(health)).not.toMatch(/PN1|chairedBy|2023-03-01/);
  });

  it('Given no token, Then only the type, the error name and the times: not the id, the stream (it names the child) or the position', async () => {
    const health = await stuck();
    expect(health.failure?.event).toEqual({ type: 'StatutoryReviewHeld' });
    expect(health.failure?.error).toEqual({ name: 'UnreadableEventSchema' });
    expect(JSON.stringify(health)).not.toContain(childId);
  });

  it('Given an admin, Then GET /admin/projections gives the whole error text too', async () => {
    const health = await stuck(tokenFor('admin'), '/admin/projections');
    expect(health.failure?.error.detail).toMatch(
      new RegExp(
        `^UnreadableEventSchema: Event StatutoryReviewHeld \\(id ${NEWER_EVENT_ID}, stream journey-${childId}`,
      ),
    );
  });
});
