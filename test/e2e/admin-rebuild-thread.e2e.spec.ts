/**
 * Review s12-ops F9: POST /admin/rebuild rebuilt on the API's event loop, so every request,
 * liveness probes included, waited on it. It now runs on a worker thread (thread/rebuild-thread.ts).
 * Proved by structure, not by timing: the rebuild reports from a thread other than the main one,
 * and the handler answers with a `running` report, before the rebuild has finished. Real HTTP app
 * on a SQLite file.
 */
import { isMainThread, threadId } from 'node:worker_threads';
import { RebuildThread } from '../../apps/api/src/projections/thread/rebuild-thread';
import { apiClient, type ApiClient } from './support/http-client';
import { registerBody } from './support/journey-bodies';
import { rebuildOutcome } from './support/poll';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

interface Progress {
  state: string;
  generation: number;
  eventsDone: number;
}

describe('POST /admin/rebuild runs off the API’s event loop', () => {
  let t: TestApp;
  let api: ApiClient;
  let childId: string;
  const admin = { token: tokenFor('admin') };

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    const registered = await api.post<{ childId: string }>('/children', registerBody(), {
      token: tokenFor('social_worker', 'alice'),
    });
    expect(registered.status).toBe(201);
    childId = registered.body.childId;
  });
  afterAll(async () => t.close());

  it('Given a store with a child, When an admin asks for a rebuild, Then it answers 202 running while a worker thread rebuilds, and the rebuild finishes there', async () => {
    const before = await api.get<Progress>('/admin/rebuild', admin);
    const started = await api.post<Progress>('/admin/rebuild', undefined, admin);
    expect(started.status).toBe(202);
    // Answered with the first report: the rebuild had not finished when the handler returned.
    expect(started.body.state).toBe('running');

    // /health/projections still names the running rebuild (its file record carries this pid).
    const lag = await api.get<{ rebuilding?: Progress }>('/health/projections', admin);
    if (lag.body.rebuilding === undefined)
      expect((await api.get<Progress>('/admin/rebuild', admin)).body.state).toBe('done');
    else expect(lag.body.rebuilding.state).toMatch(/running|switching/);

    const thread = t.app.get(RebuildThread);
    expect(isMainThread ? threadId : -1).toBe(0); // this spec (and the app) on the main thread
    expect(thread.lastThreadId).toBeGreaterThan(0); // the rebuild's reports came from another thread

    const status = await rebuildOutcome<Progress>(api, admin);
    expect(status).toMatchObject({ state: 'done', eventsDone: expect.any(Number) });
    expect(status.generation).toBeGreaterThan(before.body.generation ?? 1);
    expect((await api.get(`/children/${childId}`, admin)).status).toBe(200);
  }, 90_000);
});
