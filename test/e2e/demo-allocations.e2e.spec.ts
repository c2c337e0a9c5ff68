import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { seedDemo } from '../../apps/cli/src/commands/demo.command';
import { apiClient, type ApiClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';
import { OUTCOME_DEADLINE_MS } from './support/poll';

/**
 * The demo (npm start) allocates its children to its social workers, who sign in: on the real HTTP
 * app over a demo-seeded SQLite file, sw.demo's children show sw.demo as their social worker, the
 * amend form of a registration offers it as one who can sign in (not "as recorded"), and recording
 * the allocation again passes the known-social-worker check.
 */
describe('the demo’s children are allocated to its social workers', () => {
  let dir: string;
  let t: TestApp;
  let api: ApiClient;
  const worker = tokenFor('social_worker', 'sw.demo');
  let child: { childId: string; registrationId: string; team: string };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cj-demo-alloc-'));
    const sqliteFile = join(dir, 'journeys.db');
    const store = new SqliteEventStore({ file: sqliteFile, synchronous: 'NORMAL' });
    const out = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await seedDemo(store, 20, 'demo-allocations');
      for await (const event of store.readAll({ filter: { eventTypes: ['ChildRegistered'] } })) {
        const data = event.data as { childId: string; team: string; socialWorker: string };
        if (data.team !== 'Children in Care North') continue;
        expect(data.socialWorker).toBe('sw.demo');
        child = { childId: data.childId, registrationId: event.id, team: data.team };
        break;
      }
    } finally {
      out.mockRestore();
      err.mockRestore();
      await store.close();
    }
    t = await startTestApp({ sqliteFile });
    api = apiClient(t.baseUrl);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given a demo child of the first team, When sw.demo opens it, its registration’s amend form, and records its allocation again, Then sw.demo is its known social worker throughout', async () => {
    expect(child).toBeDefined();
    const read = await api.get<{ allocation: unknown }>(`/children/${child.childId}`, { token: worker });
    expect(read.status).toBe(200);
    expect(read.body.allocation).toMatchObject({ team: child.team, socialWorker: 'sw.demo' });

    const amendUrl = `${t.baseUrl}/panel/children/${child.childId}/record/amend?entry=${child.registrationId}`;
    let html = '';
    for (const deadline = Date.now() + OUTCOME_DEADLINE_MS; !html && Date.now() < deadline;) {
      const response = await fetch(amendUrl, { headers: { authorization: `Bearer ${worker}` } });
      if (response.status === 200) html = await response.text();
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(html).toMatch(/<option value="sw.demo" selected>Sam Worker \(demo\) \(sw.demo\)<\/option>/);
    expect(html).not.toContain('as recorded');

    const today = new Date().toISOString().slice(0, 10);
    const again = await api.post(
      `/children/${child.childId}/allocation`,
      { effectiveDate: today, team: child.team, socialWorker: 'sw.demo' },
      { token: worker },
    );
    expect(again.status).toBe(201);
  });
});
