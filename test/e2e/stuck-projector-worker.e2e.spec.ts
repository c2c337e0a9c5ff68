/**
 * Worker mode (CARE_JOURNEY_PROJECTIONS=worker): apps/projector writes the read models and the API
 * only reads them. A projector stuck on an event it can never apply keeps its failure in the
 * read-model file, so the API's /health/projections names the event as in thread mode: to a
 * signed-in caller the event's place, to an anonymous one its type and the error's name only, and
 * the error's whole text at GET /admin/projections. The real API over HTTP and the real projector
 * (startProjector) on one SQLite log and one read-model file.
 */
import { defaultReadModelFile, type ProjectorFailure } from '@care-journey/projections';
import { startProjector, type RunningProjector } from '../../apps/projector/src/start-projector';
import { apiClient, type ApiClient } from './support/http-client';
import { newChild } from './support/journey-setup';
import { pollUntil } from './support/poll';
import { appendAsNewerBuild, healthStuckOnNewerEvent, NEWER_EVENT_ID } from './support/newer-writer';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

type Health = { projector: string; mode: string; failure?: ProjectorFailure };

describe('worker mode: the API names the event apps/projector is stuck on', () => {
  let t: TestApp;
  let api: ApiClient;
  let worker: RunningProjector;
  let childId: string;
  let position: bigint;
  const logged: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ config: { projections: 'worker' } });
    api = apiClient(t.baseUrl);
    worker = await startProjector({
      // The file the API reads: the SQLite log's own read-model file (read-model-config.ts).
      env: { CARE_JOURNEY_READMODEL_FILE: defaultReadModelFile(t.sqliteFile) },
      eventStore: t.store,
      log: (line) => logged.push(line),
      error: (line) => logged.push(`ERROR ${line}`),
      logIntervalMs: 60_000,
    });
    childId = await newChild(api);
    position = await appendAsNewerBuild(t.store, childId);
    await newChild(api); // recorded after it: waits behind it
  });
  afterAll(async () => {
    await worker.stop();
    await t.close();
  });

  /** The API's health once the projector has stored its failure on the event (polled, not timed). */
  async function stuck(token?: string, path = '/health/projections'): Promise<Health> {
    const seen = await pollUntil(
      () => api.get<Health>(path, token === undefined ? {} : { token }),
      (answer) => answer.body.failure?.event !== undefined,
      { everyMs: 50 },
    );
    if (seen.body.failure?.event !== undefined) return seen.body;
    throw new Error(`the API never reported a stuck event; the projector logged: ${logged.join(' | ')}`);
  }

  it('Given a signed-in caller, Then /health/projections says worker mode and names the event (id, type, stream, position) and the error, without its text', async () => {
    const health = await stuck(tokenFor('social_worker', 'alice'));
    expect(health.mode).toBe('worker');
    // From apps/projector's heartbeat (review s12-ops F3; was 'worker' whatever its state).
    expect(health.projector).toBe('failed');
    const expected = healthStuckOnNewerEvent(childId, position);
    expect(health.failure).toEqual(expected.failure);
    expect(health).toMatchObject(expected.reason);
    expect(JSON.stringify(health)).not.toMatch(/PN1|chairedBy|2023-03-01/);
    // The same event the projector's own log names, at ERROR (review s12-ops F11).
    expect(
      logged.some(
        (line) => line.startsWith('ERROR ') && line.includes(`event ${NEWER_EVENT_ID} (StatutoryReviewHeld`),
      ),
    ).toBe(true);
  });

  it('Given no token, Then only the type, the error name and the times: not the id, the stream or the position', async () => {
    const health = await stuck();
    expect(health.failure?.event).toEqual({ type: 'StatutoryReviewHeld' });
    expect(health.failure?.error).toEqual({ name: 'UnreadableEventSchema' });
    expect(JSON.stringify(health)).not.toContain(childId);
    expect(JSON.stringify(health)).not.toContain(NEWER_EVENT_ID);
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
