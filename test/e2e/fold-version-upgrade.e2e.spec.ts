/**
 * Review s12-ops F10: read models folded by another fold version (an upgrade that changed how
 * events are folded) are not served as if this build had folded them. Each generation is stamped
 * with FOLD_VERSION; at start a projecting process (the API inline or in thread mode, else
 * apps/projector) rebuilds them into a new generation while the old one serves, and
 * /health/projections shows `outdated` until the switch. The real API over HTTP on a real SQLite
 * log and read-model file; the "older build" is the stamp rewritten in that file.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultReadModelFile, FOLD_VERSION } from '@care-journey/projections';
import { startProjector } from '../../apps/projector/src/start-projector';
import { apiClient, type ApiClient } from './support/http-client';
import { newChild } from './support/journey-setup';
import { pollUntil } from './support/poll';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

jest.setTimeout(60_000);

interface Health {
  generation: number;
  lag: string;
  outdated?: { built: number | null; running: number };
  rebuild?: { generation: number; by: { process: string } };
}

describe('read models folded by another fold version', () => {
  let dir: string;
  let sqliteFile: string;
  let t: TestApp | undefined;
  let api: ApiClient;
  let childId: string;
  const admin = { token: tokenFor('admin') };

  /** Rewrites the served generation's stamp as an older build would have left it (null: none at all). */
  function stampServedGeneration(version: number | null): number {
    const db = new Database(defaultReadModelFile(sqliteFile));
    try {
      const generation = Number(
        (db.prepare(`SELECT value FROM meta WHERE key = 'generation'`).get() as { value: string }).value,
      );
      const key = `fold_version_g${generation}`;
      if (version === null) db.prepare(`DELETE FROM meta WHERE key = ?`).run(key);
      else db.prepare(`UPDATE meta SET value = ? WHERE key = ?`).run(String(version), key);
      return generation;
    } finally {
      db.close();
    }
  }
  const health = async (): Promise<{ status: number; body: Health }> =>
    api.get<Health>('/health/projections', admin);
  async function until(seen: (body: Health) => boolean): Promise<Health> {
    const last = await pollUntil(async () => (await health()).body, seen);
    if (seen(last)) return last;
    throw new Error(`health never got there; last: ${JSON.stringify(last)}`);
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cj-fold-version-'));
    sqliteFile = join(dir, 'journeys.db');
    t = await startTestApp({ sqliteFile, config: { projections: 'inline' } });
    api = apiClient(t.baseUrl);
    childId = await newChild(api);
    const current = await until((body) => body.lag === '0');
    expect(current.outdated).toBeUndefined(); // a new file is stamped with this build's version
    await t.close();
    t = undefined;
  });
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('Given the API in worker mode (it does not project), Then health shows outdated {built, running} and the old read models serve; When apps/projector starts, Then it rebuilds into a new generation and outdated is gone', async () => {
    const generation = stampServedGeneration(null); // a file from before fold versions
    t = await startTestApp({ sqliteFile, config: { projections: 'worker' } });
    api = apiClient(t.baseUrl);
    const before = await health();
    expect(before.body.outdated).toEqual({ built: null, running: FOLD_VERSION });
    expect(
      (await api.get(`/children/${childId}/flags`, { token: tokenFor('social_worker', 'alice') })).status,
    ).toBe(200);

    const logged: string[] = [];
    const worker = await startProjector({
      env: { CARE_JOURNEY_READMODEL_FILE: defaultReadModelFile(sqliteFile) },
      eventStore: t.store,
      log: (line) => logged.push(line),
      error: (line) => logged.push(`ERROR ${line}`),
      logIntervalMs: 60_000,
    });
    try {
      await worker.foldRebuild;
      const after = await until((body) => body.outdated === undefined);
      expect(after.generation).toBeGreaterThan(generation);
      expect(after.rebuild?.generation).toBe(after.generation);
      expect(logged.some((line) => line.includes('were folded by a build from before fold versions'))).toBe(
        true,
      );
      expect(logged.filter((line) => line.startsWith('ERROR'))).toEqual([]);
    } finally {
      await worker.stop();
    }
  });

  it('Given the API projecting (thread mode) on read models of an older fold version, Then it rebuilds them by itself on its rebuild thread, and health shows the API’s rebuild', async () => {
    const generation = stampServedGeneration(FOLD_VERSION - 1);
    t = await startTestApp({ sqliteFile, config: { projections: 'thread' } });
    api = apiClient(t.baseUrl);
    const after = await until((body) => body.outdated === undefined && body.generation > generation);
    expect(after.rebuild).toMatchObject({ generation: after.generation, by: { process: 'api' } });
    expect(
      (await api.get(`/children/${childId}/flags`, { token: tokenFor('social_worker', 'alice') })).status,
    ).toBe(200);
    await newChild(api);
    await until((body) => body.lag === '0');
  });
});
