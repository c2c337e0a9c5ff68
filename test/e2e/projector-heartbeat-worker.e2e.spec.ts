/**
 * Review s12-ops F3, worker mode (CARE_JOURNEY_PROJECTIONS=worker): apps/projector writes a
 * heartbeat into the read-model file every CARE_JOURNEY_PROJECTOR_HEARTBEAT_MS, and the API's
 * /health/projections reports the projector from it: `running` (200), `stale` when it stops beating
 * (killed, hung, never started: 503), `stopped` after a graceful shutdown (503). On an idle log the
 * projector still moves to a generation another process (the CLI's rebuild) switched to. The real
 * API over HTTP, and the real projector as its own process (apps/projector/main.ts), on one SQLite
 * log and its read-model file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { tsRequireHookFile } from '@care-journey/event-store';
import { apiClient, type ApiClient } from './support/http-client';
import { newChild } from './support/journey-setup';
import { runCli } from './support/run-cli';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

jest.setTimeout(120_000);

const PROJECTOR = resolve(__dirname, '../../apps/projector/main.ts');
const HEARTBEAT_MS = 300;

interface Health {
  projector: string;
  generation: number;
  lag: string;
  heartbeat?: {
    pid: number;
    host?: string;
    state: string;
    generation: number;
    intervalMs: number;
    ageMs: number;
    staleAfterMs: number;
  };
}

describe('worker mode: the API reports apps/projector from its heartbeat', () => {
  let t: TestApp;
  let api: ApiClient;
  const admin = { token: tokenFor('admin') };
  const running: ChildProcess[] = [];

  /** The real projector process on the test app's log (its read-model file beside it, as the API's). */
  function startProjectorProcess(): ChildProcess {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CARE_JOURNEY_STORE: 'sqlite',
      CARE_JOURNEY_SQLITE_FILE: t.sqliteFile,
      CARE_JOURNEY_PROJECTOR_HEARTBEAT_MS: String(HEARTBEAT_MS),
    };
    delete env.CARE_JOURNEY_READMODEL_FILE;
    const child = spawn(process.execPath, ['--require', tsRequireHookFile(), PROJECTOR], {
      env,
      stdio: 'ignore',
    });
    running.push(child);
    return child;
  }
  const exited = (child: ChildProcess): Promise<void> =>
    child.exitCode !== null || child.signalCode !== null
      ? Promise.resolve()
      : new Promise((done) => child.once('exit', () => done()));

  /** Polls /health/projections until `seen` holds (bounded), and returns that answer. */
  async function until(
    seen: (answer: { status: number; body: Health }) => boolean,
    token?: string,
  ): Promise<{ status: number; body: Health }> {
    let last: { status: number; body: Health } | undefined;
    for (let i = 0; i < 600; i++) {
      last = await api.get<Health>('/health/projections', token === undefined ? {} : { token });
      if (seen(last)) return last;
      await sleep(50);
    }
    throw new Error(`health never got there; last: ${JSON.stringify(last)}`);
  }

  beforeAll(async () => {
    t = await startTestApp({ config: { projections: 'worker' } });
    api = apiClient(t.baseUrl);
  });
  afterAll(async () => {
    for (const child of running) {
      child.kill('SIGKILL');
      await exited(child);
    }
    await t.close();
  });

  it('Given no projector ever ran on the file, Then 503 and projector "stale", with no heartbeat', async () => {
    const health = await api.get<Health>('/health/projections');
    expect(health.status).toBe(503);
    expect(health.body.projector).toBe('stale');
    expect(health.body.heartbeat).toBeUndefined();
  });

  it('Given the projector runs, Then 200 "running" with its heartbeat (pid, interval, age; its host only at /admin/projections); killed, Then "stale" and 503 within a few intervals', async () => {
    const child = startProjectorProcess();
    const up = await until((answer) => answer.body.projector === 'running', admin.token);
    expect(up.status).toBe(200);
    expect(up.body.heartbeat).toMatchObject({
      pid: child.pid,
      state: 'running',
      intervalMs: HEARTBEAT_MS,
      staleAfterMs: 3 * HEARTBEAT_MS,
    });
    expect(up.body.heartbeat).not.toHaveProperty('host');
    const details = await api.get<Health>('/admin/projections', admin);
    expect(typeof details.body.heartbeat?.host).toBe('string');
    await newChild(api);
    await until((answer) => answer.body.lag === '0');

    child.kill('SIGKILL');
    await exited(child);
    const gone = await until((answer) => answer.body.projector === 'stale');
    expect(gone.status).toBe(503);
    expect(gone.body.heartbeat?.ageMs).toBeGreaterThan(3 * HEARTBEAT_MS);
  });

  it('Given an idle log, When the CLI rebuilds into a new generation, Then the projector moves to it without waiting for an event, and a graceful stop says "stopped" (503)', async () => {
    const child = startProjectorProcess();
    const up = await until(
      (answer) => answer.body.projector === 'running' && answer.body.heartbeat?.pid === child.pid,
    );
    const before = up.body.generation;

    const rebuilt = await runCli(t.sqliteFile, ['rebuild']);
    expect(rebuilt.code).toBe(0);
    // Nothing is written meanwhile: only the heartbeat's timer can notice the switch.
    const moved = await until((answer) => answer.body.heartbeat?.generation === before + 1);
    expect(moved.body.generation).toBe(before + 1);
    await newChild(api);
    await until((answer) => answer.body.lag === '0' && answer.status === 200);

    child.kill('SIGTERM');
    await exited(child);
    const stopped = await api.get<Health>('/health/projections');
    expect({ status: stopped.status, projector: stopped.body.projector }).toEqual({
      status: 503,
      projector: 'stopped',
    });
  });
});
