/**
 * Review s10 panel F6: while the read models are behind the event log, the drift report is partial.
 * It must say so on every surface (page banner, API `readModels`, `-incomplete` in the CSV name),
 * and the read-access trail must keep how far the read models had got, so the auditor's replay "as
 * known at" that read can say the panel's report was built from less than the log held then.
 *
 * The read models are held behind as a separate projector would leave them when it is not running:
 * app A (inline) projects one child, then app B on the same file leaves projecting to another
 * process (`projections: 'worker'`, none is started) and records a second child.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@care-journey/access';
import { recordCaseHistoryRead } from '../../libs/audit/src';
import { apiClient, type ApiClient } from './support/http-client';
import { newChild } from './support/journey-setup';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';
import { trailEntriesAfter, type TrailEntry } from './support/trail-entries';

interface ReadModels {
  complete: boolean;
  position: string | null;
  head: string | null;
  behind: string;
  reason?: string;
}
interface DriftJson {
  children: { childId: string }[];
  readModels: ReadModels;
}
type TrailWithReadModels = TrailEntry & { readAt: string; readModels?: ReadModels };

describe('the drift report while the read models are behind the log (real HTTP app on a SQLite file)', () => {
  let dir: string;
  let b: TestApp | undefined;
  let api: ApiClient;
  let projected: string;
  let notProjected: string;
  let projectedUpTo: bigint;
  let whileProjected: DriftJson;
  const as = (role: Role) => ({ token: tokenFor(role, `${role}-catchup`) });
  const auditor = tokenFor('auditor', 'auditor-catchup');

  beforeAll(async () => {
    dir = mkdtestDir();
    const sqliteFile = join(dir, 'journeys.db');
    const a = await startTestApp({ sqliteFile });
    const apiA = apiClient(a.baseUrl);
    projected = await newChild(apiA);
    // Given the read models have applied A's child (minPosition: the head, so no race with the projector).
    const head = (await a.store.headPosition())!.toString();
    whileProjected = (await apiA.get<DriftJson>(`/drift-report?minPosition=${head}`, as('panel_member')))
      .body;
    await a.close();
    projectedUpTo = BigInt(whileProjected.readModels?.position ?? '0');

    // When B records a second child and nothing projects it.
    b = await startTestApp({ sqliteFile, config: { projections: 'worker' } });
    api = apiClient(b.baseUrl);
    notProjected = await newChild(api);
  });
  afterAll(async () => {
    await b?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('while the read models hold the head, the API says the report is complete', () => {
    expect(whileProjected.children.map((row) => row.childId)).toContain(projected);
    expect(whileProjected.readModels).toMatchObject({ complete: true, behind: '0' });
  });

  it('the API says the report is incomplete: the position it was built from and how far behind', async () => {
    const head = (await b!.store.headPosition())!;
    const answer = await api.get<DriftJson>('/drift-report', as('panel_member'));
    expect(answer.status).toBe(200);
    const ids = answer.body.children.map((row) => row.childId);
    expect(ids).toContain(projected);
    expect(ids).not.toContain(notProjected);
    const { readModels } = answer.body;
    expect(readModels).toMatchObject({ complete: false, reason: 'catching up', head: head.toString() });
    expect(BigInt(readModels.position!)).toBeGreaterThanOrEqual(projectedUpTo);
    expect(BigInt(readModels.behind)).toBe(head - BigInt(readModels.position!));
    expect(BigInt(readModels.behind)).toBeGreaterThan(0n);
  });

  it('the CSV file names say incomplete, on the API and the panel', async () => {
    const apiCsv = await api.get<string>('/drift-report', {
      ...as('panel_member'),
      headers: { accept: 'text/csv' },
    });
    expect(apiCsv.status).toBe(200);
    expect(apiCsv.headers.get('content-disposition')).toMatch(/drift-\d{4}-\d{2}-\d{2}-incomplete\.csv"$/);
    const panelCsv = await api.get<string>('/panel/drift.csv', as('panel_member'));
    expect(panelCsv.status).toBe(200);
    expect(panelCsv.headers.get('content-disposition')).toMatch(
      /drift-report-\d{4}-\d{2}-\d{2}-incomplete\.csv"$/,
    );
  });

  it('the panel page has a banner saying how many entries are not yet in the report', async () => {
    const page = await api.get<string>('/panel/drift', as('panel_member'));
    expect(page.status).toBe(200);
    expect(page.body).toContain('id="incomplete-notice"');
    expect(page.body).toMatch(
      /This report is incomplete: the read models are catching up, and [\d,]+ entr(y|ies) recorded in the log/,
    );
    expect(page.body).toMatch(/due within \d+ days so far \(incomplete\)\./);
  });

  it('the trail keeps the position the panel was shown, and the auditor replay at that read says so', async () => {
    let shown: DriftJson | undefined;
    const added = (await trailEntriesAfter(api, auditor, async () => {
      shown = (await api.get<DriftJson>('/drift-report', as('panel_member'))).body;
    })) as TrailWithReadModels[];
    const read = added.find((entry) => entry.view === 'drift');
    expect(read?.readModels).toEqual(shown!.readModels);
    expect(read?.readModels?.complete).toBe(false);

    // The auditor's replay as known at that read holds both children, and names the read's position.
    const knownAt = encodeURIComponent(read!.readAt);
    const replay = await api.get<{
      children: { childId: string }[];
      liveReadsAtKnownAt: { route: string; readBy: string; readModels: ReadModels }[];
    }>(`/audit/drift-report?knownAt=${knownAt}`, { token: auditor });
    expect(replay.status).toBe(200);
    expect(replay.body.children.map((row) => row.childId)).toEqual(
      expect.arrayContaining([projected, notProjected]),
    );
    expect(replay.body.liveReadsAtKnownAt).toEqual([
      {
        readBy: 'panel_member-catchup',
        role: 'panel_member',
        route: '/drift-report',
        readAt: read!.readAt,
        readModels: shown!.readModels,
      },
    ]);

    const page = await api.get<string>(`/panel/audit/drift?knownAt=${knownAt}`, { token: auditor });
    expect(page.status).toBe(200);
    expect(page.body).toContain('id="reads-at-known-at"');
    expect(page.body).toContain(
      `that report was incomplete. It was built from the log up to position ${shown!.readModels.position} only`,
    );
  });

  it('a trail entry written before readModels was kept still reads, and a replay at it says nothing of one', async () => {
    // Given a drift read recorded as the trail recorded them before (no readModels).
    const readAt = new Date(Date.now() - 1000).toISOString();
    await recordCaseHistoryRead(b!.store, {
      childId: '*',
      role: 'panel_member',
      view: 'drift',
      query: { route: '/panel/drift', asAt: readAt.slice(0, 10) },
      childIds: [projected],
      readBy: 'panel-before',
      readAt,
    });
    const listed = await api.get<{ entries: TrailWithReadModels[] }>('/audit/access-log', { token: auditor });
    const old = listed.body.entries.find((entry) => entry.readBy === 'panel-before');
    expect(old).toMatchObject({ view: 'drift', readAt, childIds: [projected] });
    expect(old).not.toHaveProperty('readModels');

    const knownAt = encodeURIComponent(readAt);
    const replay = await api.get<{ liveReadsAtKnownAt: unknown[] }>(
      `/audit/drift-report?knownAt=${knownAt}`,
      {
        token: auditor,
      },
    );
    expect(replay.status).toBe(200);
    expect(replay.body.liveReadsAtKnownAt).toEqual([]);
    const page = await api.get<string>(`/panel/audit/drift?knownAt=${knownAt}`, { token: auditor });
    expect(page.status).toBe(200);
    expect(page.body).not.toContain('id="reads-at-known-at"');
  });
});

function mkdtestDir(): string {
  return mkdtempSync(join(tmpdir(), 'care-journey-catchup-'));
}
