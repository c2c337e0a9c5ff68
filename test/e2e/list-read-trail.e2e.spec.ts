/**
 * Lists of children by name are reads of those children: the child search (`GET /children?q=`,
 * the panel's "Find a child"), the drift report (`/drift`, `/drift-report`, the panel's drift
 * page and its CSV) and the children behind a measure (`/stability`, `/permanence`, `/scorecard`,
 * `/measures/:measure/children`) each leave one entry in the read-access trail, with the ids shown and not the
 * names, listed by `GET /audit/access-log` (also under each child named). Real HTTP app, real
 * SQLite file.
 */
import { loadAuditKey, searchTermHash } from '@care-journey/audit';
import type { Role } from '@care-journey/access';
import { apiClient, type ApiClient } from './support/http-client';
import { namedChildrenInCare } from './support/journey-setup';
import { trailEntriesAfter, type TrailEntry as Entry } from './support/trail-entries';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

const NAMES = ['Tara Quill', 'Tom Quince', 'Una Vale'];

describe('the read-access trail records lists of children by name (search, drift report, measures)', () => {
  let t: TestApp;
  let api: ApiClient;
  const ids: string[] = [];
  let position = '0';
  const as = (role: Role, id = `${role}-lists`) => ({ token: tokenFor(role, id) });

  /** Trail entries added by `read`, as an auditor lists them. */
  const entriesAfter = (read: () => Promise<unknown>, childId?: string): Promise<Entry[]> =>
    trailEntriesAfter(api, as('auditor').token, read, childId);

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    // In care from 6 Feb 2023, never reviewed: each has DR01 open by June 2023.
    const made = await namedChildrenInCare(api, NAMES, 'LST');
    ids.push(...made.ids);
    position = made.position;
  }, 60_000);
  afterAll(() => t.close());

  it('Given a social worker searches "t q", Then one entry: who, role, route, query and the two ids shown, no names', async () => {
    const added = await entriesAfter(async () => {
      const found = await api.get(`/children?q=t%20q&minPosition=${position}`, as('social_worker'));
      expect(found.status).toBe(200);
    });
    expect(added).toEqual([
      expect.objectContaining({
        readBy: 'social_worker-lists',
        role: 'social_worker',
        childId: '*',
        view: 'search',
        query: { route: '/children', q: 't q', page: '1', pageSize: '100' },
        childIds: [ids[0], ids[1]],
      }),
    ]);
    expect(JSON.stringify(added)).not.toMatch(/Tara|Quince/);
  });

  it('lists a search under each child it named, and keeps a search that found no one without its words', async () => {
    const underTom = await entriesAfter(
      () => api.get(`/children?q=quince&minPosition=${position}`, as('panel_member')),
      ids[1],
    );
    expect(underTom).toEqual([
      expect.objectContaining({ role: 'panel_member', view: 'search', childIds: [ids[1]] }),
    ]);
    // Kept without its words (review s15 F12): a keyed hash an investigator can test a term against.
    const none = await entriesAfter(() => api.get('/children?q=Nobody%20Here', as('auditor')));
    const { key } = loadAuditKey(process.env);
    expect(none).toEqual([
      expect.objectContaining({
        view: 'search',
        query: {
          route: '/children',
          qHash: searchTermHash('nobody  here', key),
          qKeyId: key.keyId,
          page: '1',
          pageSize: '100',
        },
        childIds: [],
      }),
    ]);
    expect(JSON.stringify(none).toLowerCase()).not.toContain('nobody');
  });

  it('records the panel\'s "Find a child" page with the page of results it showed', async () => {
    const added = await entriesAfter(async () => {
      const page = await api.get<string>('/panel/children?q=una', as('panel_member'));
      expect(page.status).toBe(200);
      expect(page.body).toContain('Una Vale');
    });
    expect(added).toEqual([
      expect.objectContaining({
        role: 'panel_member',
        view: 'search',
        query: { route: '/panel/children', q: 'una', page: '1' },
        childIds: [ids[2]],
      }),
    ]);
  });

  it("records the drift report (JSON page, CSV, both routes) with the children on it; not a reporting job's, which has no names", async () => {
    const json = await entriesAfter(async () => {
      const report = await api.get(
        `/drift-report?asAt=2023-06-01&rule=DR01&pageSize=2&minPosition=${position}`,
        as('panel_member'),
      );
      expect(report.status).toBe(200);
    });
    expect(json).toHaveLength(1);
    expect(json[0]).toMatchObject({
      role: 'panel_member',
      childId: '*',
      view: 'drift',
      query: { route: '/drift-report', asAt: '2023-06-01', rule: 'DR01', page: '1', pageSize: '2' },
    });
    expect(json[0].childIds).toHaveLength(2);

    const csv = await entriesAfter(async () => {
      const report = await api.get(`/drift?asAt=2023-06-01&minPosition=${position}`, {
        ...as('auditor'),
        headers: { accept: 'text/csv' },
      });
      expect(report.status).toBe(200);
    });
    expect(csv).toEqual([
      expect.objectContaining({
        role: 'auditor',
        view: 'drift',
        query: expect.objectContaining({ route: '/drift', format: 'csv' }),
      }),
    ]);
    expect([...(csv[0].childIds ?? [])].sort()).toEqual([...ids].sort());

    const job = await entriesAfter(() =>
      api.get(`/drift?asAt=2023-06-01&minPosition=${position}`, as('reporting_job')),
    );
    expect(job).toEqual([]);
  });

  it("records the panel's drift page and its CSV download", async () => {
    const page = await entriesAfter(async () => {
      const html = await api.get<string>('/panel/drift?asAt=2023-06-01', as('panel_member'));
      expect(html.status).toBe(200);
      expect(html.body).toContain('Tara Quill');
    });
    expect(page).toEqual([
      expect.objectContaining({
        role: 'panel_member',
        view: 'drift',
        query: expect.objectContaining({ route: '/panel/drift', asAt: '2023-06-01', page: '1' }),
      }),
    ]);
    expect([...(page[0].childIds ?? [])].sort()).toEqual([...ids].sort());

    const download = await entriesAfter(() =>
      api.get('/panel/drift.csv?asAt=2023-06-01', as('social_worker')),
    );
    expect(download).toEqual([
      expect.objectContaining({
        role: 'social_worker',
        view: 'drift',
        query: expect.objectContaining({ route: '/panel/drift.csv' }),
      }),
    ]);
    expect(download[0].childIds).toHaveLength(3);

    const noNames = await entriesAfter(() => api.get('/panel/drift?asAt=2023-06-01', as('reporting_job')));
    expect(noNames).toEqual([]);
  });

  it('records the children behind the measures (stability JSON and CSV, permanence, a monthly measure), not for a reporting job', async () => {
    const stability = await entriesAfter(async () => {
      const answer = await api.get(
        `/stability?yearEnding=2023-03-31&minPosition=${position}`,
        as('panel_member'),
      );
      expect(answer.status).toBe(200);
    });
    expect(stability).toEqual([
      expect.objectContaining({
        role: 'panel_member',
        childId: '*',
        view: 'measures',
        query: { route: '/stability', yearEnding: '2023-03-31', page: '1', pageSize: '100' },
      }),
    ]);
    expect([...(stability[0].childIds ?? [])].sort()).toEqual([...ids].sort());
    expect(JSON.stringify(stability)).not.toMatch(/Tara|Quince|Vale/);

    const csv = await entriesAfter(() =>
      api.get('/stability?asAt=2023-06-01', { ...as('auditor'), headers: { accept: 'text/csv' } }),
    );
    expect(csv).toEqual([
      expect.objectContaining({
        role: 'auditor',
        view: 'measures',
        query: { route: '/stability', asAt: '2023-06-01', format: 'csv' },
      }),
    ]);

    const permanence = await entriesAfter(() =>
      api.get('/permanence?from=2023-01-01&to=2023-12-31', as('panel_member')),
    );
    expect(permanence).toEqual([
      expect.objectContaining({
        view: 'measures',
        query: expect.objectContaining({ route: '/permanence', from: '2023-01-01', to: '2023-12-31' }),
        childIds: [],
      }),
    ]);

    const monthly = await entriesAfter(async () => {
      const answer = await api.get(
        '/measures/looked-after/children?from=2023-03&to=2023-03',
        as('social_worker'),
      );
      expect(answer.status).toBe(200);
    });
    expect(monthly).toEqual([
      expect.objectContaining({
        role: 'social_worker',
        view: 'measures',
        query: {
          route: '/measures/:measure/children',
          measure: 'looked-after',
          from: '2023-03',
          to: '2023-03',
        },
      }),
    ]);
    expect([...(monthly[0].childIds ?? [])].sort()).toEqual([...ids].sort());

    const job = await entriesAfter(async () => {
      await api.get('/stability?yearEnding=2023-03-31', as('reporting_job'));
      await api.get('/measures/looked-after/children?from=2023-03&to=2023-03', as('reporting_job'));
    });
    expect(job).toEqual([]);
  });
});
