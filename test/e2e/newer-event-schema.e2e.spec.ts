/**
 * A child's stream holding an event a newer build wrote (its schema version above what this build
 * reads: a rolling deploy half done, an older API left running). Until session 11 every surface
 * answered it with a bare 500 "Unexpected error" and a stack in the log. The real app over HTTP on
 * a real SQLite file; the command line's side is newer-event-schema-cli.e2e.spec.ts.
 */
import { Logger } from '@nestjs/common';
import { apiClient, type ApiClient } from './support/http-client';
import { eventCount, newChild } from './support/journey-setup';
import { appendAsNewerBuild, NEWER_EVENT_ID, NEWER_VERSION } from './support/newer-writer';
import { pollUntil } from './support/poll';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

const worker = { token: tokenFor('social_worker', 'alice') };

describe('an event written by a newer build: a clear 503 naming it, everywhere', () => {
  let t: TestApp;
  let api: ApiClient;
  let childId: string;
  let newerPosition: bigint;

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    childId = await newChild(api);
    newerPosition = await appendAsNewerBuild(t.store, childId);
  });
  afterAll(async () => t.close());
  afterEach(() => jest.restoreAllMocks());

  /** The facts every answer and log line gives: where the event is and both versions, no data. */
  const facts = () => ({
    streamId: `journey-${childId}`,
    childId,
    eventId: NEWER_EVENT_ID,
    eventType: 'StatutoryReviewHeld',
    revision: '2',
    globalPosition: newerPosition.toString(),
    schemaVersion: NEWER_VERSION,
    readableVersion: NEWER_VERSION - 1,
  });

  /**
   * The request error lines logged while `work` runs that name the event. The projector's own
   * failure line names it too, at ERROR since s13 (ops F11), whenever its retry falls in the window:
   * it is not the request's, so it is left out (it made "logged once" count two, now and then).
   */
  async function errorLinesDuring(work: () => Promise<unknown>): Promise<string[]> {
    const errors = jest.spyOn(Logger.prototype, 'error');
    await work();
    return errors.mock.calls
      .map(([line]) => String(line))
      .filter((line) => line.includes(NEWER_EVENT_ID) && /^(GET|POST) \//.test(line));
  }

  it('Given the child read over the API, Then 503 with code unreadable-event-schema names the stream, child, event and versions, and is logged once in one line', async () => {
    let response: Awaited<ReturnType<ApiClient['get']>> | undefined;
    const logged = await errorLinesDuring(
      async () => (response = await api.get(`/children/${childId}`, worker)),
    );
    expect(response?.status).toBe(503);
    expect(response?.body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'unreadable-event-schema',
      message: expect.stringMatching(
        /^This record holds an entry \(StatutoryReviewHeld, id newer-build-review-1\) written by a newer version of Care Journey .*Upgrade this service/,
      ),
      event: facts(),
      requestId: response?.headers.get('x-request-id'),
    });
    // No personal data: the child's name, date of birth or the event's data are not in it.
    expect(JSON.stringify(response?.body)).not.toMatch(/Sam Taylor|2022-01-10|PN1|chairedBy/);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(
      new RegExp(
        `^GET /children/:id user "alice" request [0-9a-f-]{36}: UnreadableEventSchema: Event StatutoryReviewHeld \\(id ${NEWER_EVENT_ID}, stream journey-${childId}, revision 2, global position ${newerPosition}\\): metadata.schemaVersion ${NEWER_VERSION} is newer than this code knows`,
      ),
    );
    expect(logged[0]).not.toMatch(/\n\s+at /); // no stack: the line says it all
  });

  it('Given a command for the child, Then the same 503, and nothing is recorded', async () => {
    const before = await eventCount(api, childId);
    const response = await api.post(
      `/children/${childId}/reviews`,
      { effectiveDate: '2023-03-05', participation: 'PN0' },
      worker,
    );
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject({ code: 'unreadable-event-schema', event: facts() });
    expect(await eventCount(api, childId)).toBe(before);
  });

  it("Given the child's page, Then an error page says the record was written by a newer version and what to do, logged once", async () => {
    let page: Awaited<ReturnType<ApiClient['get']>> | undefined;
    const logged = await errorLinesDuring(
      async () => (page = await api.get(`/panel/children/${childId}`, worker)),
    );
    expect(page?.status).toBe(503);
    const html = String(page?.body);
    expect(html).toContain('<title>This record cannot be read by this version of Care Journey');
    expect(html).toMatch(/written by a newer version of Care Journey.*Upgrade this service/);
    expect(html).not.toContain('Try again later');
    // The reference to quote is the request id, which the log line names too (review s12-ops F12).
    const requestId = page?.headers.get('x-request-id');
    expect(html).toContain(`quote reference <code>${requestId}</code>`);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(
      new RegExp(`^GET /panel/children/:id user "alice" request ${requestId}: UnreadableEventSchema: `),
    );
  });

  it('Given the live projector reaches the event, Then it stops before it (checkpoint kept, nothing after it applied) and reports the event, never skipping it', async () => {
    // Another child recorded after it: not projected while the event blocks the log.
    await newChild(api);
    const admin = { token: tokenFor('admin') };
    type Projections = {
      checkpoint: string | null;
      head: string;
      projector: string;
      failure?: { attempts: number };
      thread?: { error?: string };
    };
    // No checkpoint yet (the failed batch was the log's first) is before every event.
    const position = (checkpoint: string | null): bigint => (checkpoint === null ? -1n : BigInt(checkpoint));
    // Polled until the projector reaches the event; from then on it says failed on every read.
    const seen = await pollUntil(
      () => api.get<Projections>('/admin/projections', admin),
      (answer) => answer.body.projector === 'failed',
    );
    expect(seen.body.projector).toBe('failed');
    // The batch holding it is not applied: the checkpoint is before it (before the batch's first event).
    expect(position(seen.body.checkpoint)).toBeLessThan(newerPosition);
    expect(BigInt(seen.body.head)).toBeGreaterThan(newerPosition);
    expect(seen.body.thread?.error).toMatch(
      new RegExp(
        `UnreadableEventSchema: Event StatutoryReviewHeld \\(id ${NEWER_EVENT_ID}, stream journey-${childId}`,
      ),
    );
    // It retries from the checkpoint (after 1 s, 2 s …): after a retry it is still short of it, and failed.
    const attempts = seen.body.failure?.attempts ?? 0;
    const later = await pollUntil(
      () => api.get<Projections>('/admin/projections', admin),
      (answer) => (answer.body.failure?.attempts ?? 0) > attempts,
    );
    expect(later.body.failure?.attempts).toBeGreaterThan(attempts);
    expect(later.body.projector).toBe('failed');
    expect(position(later.body.checkpoint)).toBeLessThan(newerPosition);
  }, 90_000);

  it('Given the projector stuck on it, Then /health/projections answers 503 with reason newer-event-schema naming the type and versions, with or without a token', async () => {
    const expected = {
      projector: 'failed',
      reason: 'newer-event-schema',
      newerEventSchema: {
        eventType: 'StatutoryReviewHeld',
        field: 'metadata.schemaVersion',
        version: NEWER_VERSION,
        readable: NEWER_VERSION - 1,
      },
    };
    // Polled until the projector reaches the event (when this spec runs alone); from then on, while
    // it retries (an attempt in flight included), every read says failed (steady-projector-state.ts).
    const anonymous = await pollUntil(
      () => api.get<Record<string, unknown>>('/health/projections'),
      (answer) => answer.body.projector === 'failed',
    );
    expect(anonymous.status).toBe(503);
    expect(anonymous.body).toMatchObject(expected);
    const signedIn = await api.get('/health/projections', worker);
    expect(signedIn.status).toBe(503);
    expect(signedIn.body).toMatchObject(expected);
  }, 90_000);

  it('Given another API process started on the store (an older build after the newer one wrote), Then it starts and is ready, serves other children, and answers the same 503 for this one', async () => {
    const again = await startTestApp({ sqliteFile: t.sqliteFile });
    try {
      const other = apiClient(again.baseUrl);
      expect((await other.get('/health/ready')).status).toBe(200);
      const someoneElse = await newChild(other);
      expect((await other.get(`/children/${someoneElse}`, worker)).status).toBe(200);
      const refused = await other.get(`/children/${childId}`, worker);
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ code: 'unreadable-event-schema', event: facts() });
    } finally {
      await again.close();
    }
  });
});
