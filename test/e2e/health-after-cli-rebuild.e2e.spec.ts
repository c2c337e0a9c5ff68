/**
 * `care-journey rebuild` run by an operator, as its own process, against the read-model file a
 * running API serves (and before the API starts): /health/projections reports the rebuild that
 * produced the read models being served, read from that file (who, when, how long, events), not
 * the API's own last rebuild. In both of the API's own projection modes.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient, type ApiClient } from './support/http-client';
import { registerBody, startCareBody } from './support/journey-bodies';
import { pollUntil, rebuildOutcome } from './support/poll';
import { runCli } from './support/run-cli';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

interface Rebuild {
  state: string;
  generation: number;
  eventsDone: number;
  position: string;
  startedAt: string;
  finishedAt?: string;
  durationSeconds?: number;
  by: { process: string; pid: number };
}
interface Health {
  generation: number;
  checkpoint: string | null;
  lag: string;
  rebuild?: Rebuild;
  rebuilding?: Rebuild;
}

describe.each(['thread', 'inline'] as const)(
  '/health/projections after `care-journey rebuild` (CARE_JOURNEY_PROJECTIONS=%s)',
  (mode) => {
    let dir: string;
    let sqliteFile: string;
    let t: TestApp | undefined;
    let api: ApiClient;
    /** The head of the log: what a rebuild now replays. */
    let events = 0;
    const social = { token: tokenFor('social_worker', 'alice') };
    const admin = { token: tokenFor('admin') };

    const start = async (): Promise<void> => {
      t = await startTestApp({ sqliteFile, config: { projections: mode } });
      api = apiClient(t.baseUrl);
    };
    // With a token: positions and event counts are left out for anonymous callers.
    const health = async (): Promise<Health> => (await api.get<Health>('/health/projections', admin)).body;
    /** Bounded wait for the read models to hold the whole log. */
    const caughtUp = async (): Promise<Health> => {
      const whole = (h: Health): boolean => h.lag === '0' && h.checkpoint === String(events);
      const h = await pollUntil(health, whole);
      if (whole(h)) return h;
      throw new Error(`read models did not catch up: ${JSON.stringify(h)}`);
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'cj-e2e-cli-rebuild-'));
      sqliteFile = join(dir, 'journeys.db');
      await start();
      const registered = await api.post<{ childId: string }>(
        '/children',
        registerBody({ childRef: `RB1-${mode.slice(0, 3).toUpperCase()}`, upn: 'A123456789010' }),
        social,
      );
      expect(registered.status).toBe(201);
      const started = await api.post<{ globalPosition: string }>(
        `/children/${registered.body.childId}/periods-of-care`,
        startCareBody,
        social,
      );
      expect(started.status).toBe(201);
      events = Number(started.body.globalPosition);
    }, 60_000);
    afterAll(async () => {
      await t?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it("reports the API's own rebuild after POST /admin/rebuild", async () => {
      expect((await api.post('/admin/rebuild', {}, admin)).status).toBe(202);
      expect((await rebuildOutcome<Rebuild>(api, admin)).state).toBe('done');
      const h = await caughtUp();
      expect(h.rebuild).toMatchObject({ state: 'done', generation: h.generation, by: { process: 'api' } });
    }, 90_000);

    it('reports the CLI’s rebuild, run while the API serves, as the one behind the served read models', async () => {
      const before = await health();
      const cli = await runCli(sqliteFile, ['rebuild']);
      expect(cli.out).toMatch(/rebuilt .*read-models\.db/);
      expect(cli.code).toBe(0);

      const h = await caughtUp();
      expect(h.generation).toBe(before.generation + 1);
      expect(h.rebuild).toMatchObject({
        state: 'done',
        generation: h.generation,
        by: { process: 'cli', pid: cli.pid },
        eventsDone: events,
        position: String(events),
      });
      expect(h.rebuild?.durationSeconds).toEqual(expect.any(Number));
      expect(Date.parse(h.rebuild?.finishedAt ?? '')).toBeGreaterThanOrEqual(
        Date.parse(h.rebuild!.startedAt),
      );
      expect(h.rebuilding).toBeUndefined();
      expect((await api.get<Rebuild>('/admin/rebuild', admin)).body).toMatchObject({
        generation: h.generation,
        by: { process: 'cli', pid: cli.pid },
      });
    }, 90_000);

    it('goes on projecting into the generation the CLI made', async () => {
      const registered = await api.post<{ childId: string; globalPosition: string }>(
        '/children',
        registerBody({ childRef: `RB2-${mode.slice(0, 3).toUpperCase()}`, upn: 'A123456789011' }),
        social,
      );
      expect(registered.status).toBe(201);
      events = Number(registered.body.globalPosition);
      const h = await caughtUp();
      expect(h.rebuild?.by.process).toBe('cli');
    }, 90_000);

    it('reports a CLI rebuild made while the API was stopped, once it starts again', async () => {
      await t?.close();
      t = undefined;
      const cli = await runCli(sqliteFile, ['rebuild']);
      expect(cli.code).toBe(0);
      await start();
      const h = await caughtUp();
      expect(h.rebuild).toMatchObject({
        generation: h.generation,
        by: { process: 'cli', pid: cli.pid },
        eventsDone: events,
      });
    }, 90_000);
  },
);
