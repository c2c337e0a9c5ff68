import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '@care-journey/event-store';
import { journeyStream } from '@care-journey/journey';
import { mintToken, type Role } from '@care-journey/access';
import type { ApiConfig } from '../config/api-config';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { JourneyQueries } from './journey-queries';
import { projectionsApp } from './testing/projections-app';
import { registrationInCare } from './testing/registration-in-care';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

const SECRET = 'projections-spec-secret-at-least-32-characters';
/** A rebuild's states on the way to its outcome (libs/projections/src/engine/rebuild.ts). */
const UNDER_WAY = ['running', 'switching'];

/**
 * Polls `reached` until it holds, for 30 s at most: a deadline in time, not 100 polls of 20 ms
 * (~2 s), which a projector or rebuild thread's start alone can exceed on a loaded 2-core machine.
 */
async function until(reached: () => Promise<boolean>, deadlineMs = 30_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!(await reached())) {
    if (Date.now() > deadline) throw new Error(`not reached within ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.each(['inline', 'thread'] as const)(
  'projections endpoints (CARE_JOURNEY_PROJECTIONS=%s)',
  (mode) => {
    let dir: string;
    let app: NestFastifyApplication;
    let store: EventStore;
    const saved = { ...process.env };
    const token = (role: Role): string => mintToken({ secret: SECRET, userId: `u-${role}`, role });
    const get = (url: string, role?: Role) =>
      app.inject({ method: 'GET', url, headers: role ? { authorization: `Bearer ${token(role)}` } : {} });

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'cj-api-projections-'));
      process.env.CARE_JOURNEY_READ_YOUR_WRITES_TIMEOUT_MS = '200';
      process.env.CARE_JOURNEY_DRIFT_THRESHOLDS = '{"DR07":{"days":365}}';
      delete process.env.CARE_JOURNEY_READMODEL_FILE;
      delete process.env.CARE_JOURNEY_PROJECTIONS;
      const config: ApiConfig = {
        port: 0,
        host: '127.0.0.1',
        jwtSecret: SECRET,
        usingDevJwtSecret: false,
        store: { kind: 'sqlite', file: join(dir, 'events.db'), synchronous: 'NORMAL' },
        projections: mode,
      };
      app = await projectionsApp(config);
      store = app.get(EVENT_STORE);
      await store.appendToStream(journeyStream('c1'), registrationInCare('c1', 'REF1'), {
        expectedRevision: 'no_stream',
      });
      // The specs' reads wait 200 ms at most for the read models (the 503 cases want that short),
      // while a projector thread can take seconds to start and apply c1 at load: wait for it here.
      await until(async () => (await get('/health/projections', 'reporting_job')).json().checkpoint === '2');
    }, 60_000);

    afterAll(async () => {
      await app.close();
      process.env = { ...saved };
      rmSync(dir, { recursive: true, force: true });
    });

    it('reports projection lag without a token, and the log positions only with one', async () => {
      const res = await get('/health/projections');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ projector: 'running', mode });
      expect(res.json()).not.toHaveProperty('head');
      expect((await get('/health/projections', 'reporting_job')).json()).toMatchObject({ head: '2' });
    });

    it('serves the drift report once the read models reach minPosition, with names only for roles that may see them', async () => {
      const panel = await get('/drift-report?asAt=2025-07-10&minPosition=2', 'panel_member');
      expect(panel.statusCode).toBe(200);
      const body = panel.json();
      expect(body.children[0]).toMatchObject({ childId: 'c1', name: 'Alex Example', team: 'North' });
      expect(body.children[0].flags[0]).toMatchObject({ ruleId: 'DR01', daysOverdue: 10 });
      const job = await get('/drift-report?asAt=2025-07-10&rule=DR01,DR04', 'reporting_job');
      expect(job.statusCode).toBe(200);
      expect(job.json().children[0].name).toBeUndefined();
      // Social workers read it too, with names, as on the panel's drift page (drift-report-readers.ts).
      const worker = await get('/drift-report?asAt=2025-07-10', 'social_worker');
      expect(worker.statusCode).toBe(200);
      expect(worker.json().children[0]).toMatchObject({ childId: 'c1', name: 'Alex Example' });
    });

    it("gives a child's flags and history", async () => {
      const res = await get('/children/c1/flags?asAt=2025-07-10', 'social_worker');
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        childId: 'c1',
        asAt: '2025-07-10',
        history: [expect.objectContaining({ ruleId: 'DR01', openedOn: '2025-07-01' })],
      });
      expect((await get('/children/nobody/flags', 'panel_member')).statusCode).toBe(404);
    });

    it("serves other modules' queries from the read models, with the configured drift thresholds", async () => {
      const queries = app.get(JourneyQueries);
      await queries.waitFor('2');
      const first = queries.summaries();
      expect(first.map((s) => s.childId)).toEqual(['c1']);
      const version = queries.version;
      expect(queries.summaries()).toBe(first);
      expect(queries.version).toBe(version);
      expect(queries.summary('c1')?.childRef).toBe('REF1');
      expect((await queries.events('c1'))?.map((e) => [e.id, e.revision])).toEqual([
        ['c1-1', 0n],
        ['c1-2', 1n],
      ]);
      expect(await queries.events('nobody')).toBeUndefined();
      expect(queries.drift.DR07.days).toBe(365);
      await expect(queries.waitFor('999')).rejects.toThrow(/have not reached position 999/);
    });

    it('refuses bad query parameters with a 400 naming the field', async () => {
      const badDate = await get('/drift-report?asAt=2025-02-30', 'admin');
      expect(badDate.statusCode).toBe(400);
      expect(badDate.json().errors[0]).toMatchObject({ field: 'asAt' });
      expect((await get('/drift-report?rule=DR99', 'admin')).json().errors[0]).toMatchObject({
        field: 'rule',
      });
      expect((await get('/stability?yearEnding=2025-04-01', 'admin')).json().errors[0]).toMatchObject({
        field: 'yearEnding',
      });
      // Neither or both: the message must fit either case.
      for (const query of ['', '?yearEnding=2025-03-31&asAt=2025-01-01'])
        expect((await get(`/stability${query}`, 'admin')).json().errors[0]).toMatchObject({
          field: 'yearEnding',
          rule: 'exactlyOneOfYearEndingAsAt',
          message: 'give exactly one of yearEnding (a 31 March) or asAt (any date)',
        });
      expect(
        (await get('/permanence?from=2025-01-01&to=2024-01-01', 'admin')).json().errors[0],
      ).toMatchObject({
        field: 'to',
      });
    });

    it('answers the measures', async () => {
      expect((await get('/stability?yearEnding=2026-03-31', 'auditor')).json().measures).toHaveLength(3);
      expect((await get('/scorecard?periodEnding=2026-03-31', 'reporting_job')).json()).toMatchObject({
        threshold: { a1Days: 426 },
      });
      expect((await get('/permanence?from=2025-01-01&to=2025-12-31', 'panel_member')).statusCode).toBe(200);
    });

    it('answers 503 when minPosition is not reached in time', async () => {
      const res = await get('/scorecard?periodEnding=2026-03-31&minPosition=999', 'admin');
      expect(res.statusCode).toBe(503);
      expect(res.json().message).toMatch(/have not reached position 999/);
    });

    it('rebuilds on request (admin only) and reports progress', async () => {
      const forbidden = await app.inject({
        method: 'POST',
        url: '/admin/rebuild',
        headers: { authorization: `Bearer ${token('auditor')}` },
      });
      expect(forbidden.statusCode).toBe(403);
      const res = await app.inject({
        method: 'POST',
        url: '/admin/rebuild',
        headers: { authorization: `Bearer ${token('admin')}` },
      });
      expect(res.statusCode).toBe(202);
      expect(res.json()).toMatchObject({ state: 'running', generation: 2 });
      // Polled while running or switching (the new generation being made current), not for a count.
      await until(async () => !UNDER_WAY.includes((await get('/admin/rebuild', 'admin')).json().state));
      // Every event in the log: c1's two and the trail entry of the panel's drift report read above.
      expect((await get('/admin/rebuild', 'admin')).json()).toMatchObject({
        state: 'done',
        eventsDone: Number(await store.headPosition()),
      });
      expect((await get('/health/projections')).json()).toMatchObject({ generation: 2, lag: '0' });
    }, 60_000);
  },
);
