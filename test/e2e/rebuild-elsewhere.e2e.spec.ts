/**
 * A rebuild running in another process (the CLI's `care-journey rebuild`) is seen through the
 * API's routes while it runs: its progress record in the read-model file (who, pid, phase, events
 * done of the head, when it last wrote). The other process is simulated by a live Node process
 * whose pid the record names (racing a real rebuild of a small log would be flaky); when it dies,
 * the routes say the rebuild was abandoned instead of "running" for ever. The real CLI, started
 * meanwhile, refuses to start a second rebuild on the same file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadModelStore, type ProjectionEngine, type RunningRebuildRecord } from '@care-journey/projections';
import { PROJECTION_ENGINE } from '../../apps/api/src/projections/projection-engine.provider';
import { apiClient, type ApiClient } from './support/http-client';
import { registerBody, startCareBody } from './support/journey-bodies';
import { rebuildOutcome } from './support/poll';
import { runCli } from './support/run-cli';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

interface Seen {
  state: string;
  phase?: string;
  generation: number;
  eventsDone: number;
  head: string;
  by: { process: string; pid: number };
  updatedAt?: string;
  host?: string;
  abandoned?: string;
}

describe('/admin/rebuild and /health/projections while another process rebuilds the read models', () => {
  let dir: string;
  let t: TestApp;
  let api: ApiClient;
  let other: ChildProcess;
  let generation: number;
  const admin = { token: tokenFor('admin') };
  const social = { token: tokenFor('social_worker', 'alice') };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cj-e2e-rebuild-elsewhere-'));
    t = await startTestApp({ sqliteFile: join(dir, 'journeys.db') });
    api = apiClient(t.baseUrl);
    const registered = await api.post<{ childId: string }>(
      '/children',
      registerBody({ childRef: 'RBX-1' }),
      social,
    );
    expect(registered.status).toBe(201);
    expect(
      (await api.post(`/children/${registered.body.childId}/periods-of-care`, startCareBody, social)).status,
    ).toBe(201);

    // The other process: alive until killed below, or until this worker goes (its stdin closes). Not
    // for a fixed minute: the real CLI's start in the next test can take tens of seconds at load, and
    // a process gone early made the "running" record abandoned and left the kill below unanswered.
    other = spawn(process.execPath, ['-e', "process.stdin.on('end', () => process.exit(0)).resume()"], {
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    // What its rebuild has written into the API's read-model file, 40% of the way through.
    const file = t.app.get<ProjectionEngine>(PROJECTION_ENGINE).readModels.file;
    const readModels = new ReadModelStore(file);
    try {
      generation = readModels.createGeneration();
      const running: RunningRebuildRecord = {
        state: 'running',
        phase: 'replay',
        generation,
        eventsDone: 400,
        position: '400',
        head: '1000',
        percent: 40,
        eventsPerSecond: 2000,
        threads: 1,
        etaSeconds: 1,
        startedAt: new Date().toISOString(),
        by: { process: 'cli', pid: other.pid! },
        updatedAt: new Date().toISOString(),
        host: hostname(),
      };
      readModels.recordRebuildProgress(generation, running);
    } finally {
      readModels.close();
    }
  }, 60_000);

  afterAll(async () => {
    other?.kill('SIGKILL');
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports it running: who, pid, phase, events done of the head', async () => {
    const status = await api.get<Seen>('/admin/rebuild', admin);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      state: 'running',
      phase: 'replay',
      generation,
      eventsDone: 400,
      head: '1000',
      by: { process: 'cli', pid: other.pid },
      host: hostname(),
    });
    const health = await api.get<{ rebuilding?: Seen; generation: number }>('/health/projections');
    expect(health.body.rebuilding).toMatchObject({
      state: 'running',
      by: { process: 'cli', pid: other.pid },
    });
    expect(health.body.rebuilding).not.toHaveProperty('host'); // public: the machine's name is the admin's
    expect(health.body.generation).toBe(generation - 1); // still serving the previous read models
    const details = await api.get<{ rebuilding?: Seen }>('/admin/projections', admin);
    expect(details.body.rebuilding).toMatchObject({ state: 'running', host: hostname() });
  });

  it('refuses to start a second rebuild over it, through the API (409) and the real CLI', async () => {
    const refused = await api.post<{ message: string }>('/admin/rebuild', {}, admin);
    expect(refused.status).toBe(409);
    expect(JSON.stringify(refused.body)).toMatch(/already running in another process \(cli, pid \d+/);

    const cli = await runCli(t.sqliteFile, ['rebuild']);
    expect(cli.code).toBe(1);
    expect(cli.out).toMatch(/rebuild failed, previous read models kept: A rebuild is already running/);
    expect((await api.get<Seen>('/admin/rebuild', admin)).body).toMatchObject({
      state: 'running',
      generation,
    });
  }, 90_000);

  it('Given that process dies, Then the routes say the rebuild was abandoned, and a new rebuild replaces it', async () => {
    const exited = new Promise((done) => other.once('exit', done));
    other.kill('SIGKILL');
    await exited;

    const status = await api.get<Seen>('/admin/rebuild', admin);
    expect(status.body).toMatchObject({ state: 'abandoned', generation, by: { pid: other.pid } });
    expect(status.body.abandoned).toMatch(new RegExp(`process ${other.pid} \\(cli\\) is gone`));
    const health = await api.get<{ rebuilding?: Seen }>('/health/projections');
    expect(health.body.rebuilding).toMatchObject({ state: 'abandoned' });

    expect((await api.post('/admin/rebuild', {}, admin)).status).toBe(202);
    const now = await rebuildOutcome<Seen>(api, admin);
    expect(now).toMatchObject({ state: 'done', by: { process: 'api' } });
    expect((await api.get<{ rebuilding?: Seen }>('/health/projections')).body.rebuilding).toBeUndefined();
  }, 90_000);
});
