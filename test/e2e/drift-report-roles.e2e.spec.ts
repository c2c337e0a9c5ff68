/**
 * One rule for the drift report on every surface (apps/api/src/web/drift/drift-report-readers.ts):
 * every role reads it through the API (`/drift-report`, `/drift`, JSON and CSV) and on the panel's
 * page (`/panel/drift`, `/panel/drift.csv`); the same children either way; names for every role
 * but reporting jobs; each read with names in the read-access trail, none without. Real HTTP app,
 * real SQLite file.
 */
import { ROLES, type Role } from '@care-journey/access';
import type { ProjectionEngine } from '@care-journey/projections';
import { PROJECTION_ENGINE } from '../../apps/api/src/projections/projection-engine.provider';
import { apiClient, type ApiClient } from './support/http-client';
import { namedChildrenInCare } from './support/journey-setup';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';
import { trailEntriesAfter, type TrailEntry } from './support/trail-entries';

const NAMES = ['Rhea Drift', 'Ravi Drift'];
const AS_AT = '2023-06-01';

/** Which roles see names (the personal-data view of the role table): all but reporting jobs. */
const SEES_NAMES: Record<Role, boolean> = {
  social_worker: true,
  panel_member: true,
  auditor: true,
  admin: true,
  reporting_job: false,
};

interface ReportRow {
  childId: string;
  childRef: string;
  name?: string;
}

describe('the drift report: the same roles, children and names through the API and on the panel page', () => {
  let t: TestApp;
  let api: ApiClient;
  let ids: string[] = [];
  let position = '0';

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    // In care from 6 Feb 2023, never reviewed: each has DR01 open by June 2023.
    ({ ids, position } = await namedChildrenInCare(api, NAMES, 'DRR'));
  }, 60_000);
  afterAll(() => t.close());

  const as = (role: Role) => ({ token: tokenFor(role, `${role}-drift-roles`) });
  const trailOf = (read: () => Promise<unknown>): Promise<TrailEntry[]> =>
    trailEntriesAfter(api, tokenFor('auditor', 'drift-roles-auditor'), read);
  const sorted = (values: readonly string[]) => [...values].sort();

  describe.each(ROLES.map((role) => [role]))('Given a %s', (role: Role) => {
    const names = SEES_NAMES[role];

    it(`When it asks the API for the report, Then 200 with both children, ${names ? 'named, and recorded' : 'without names, and not recorded'}`, async () => {
      let rows: ReportRow[] = [];
      const trail = await trailOf(async () => {
        const report = await api.get<{ children: ReportRow[] }>(
          `/drift-report?asAt=${AS_AT}&rule=DR01&minPosition=${position}`,
          as(role),
        );
        expect(report.status).toBe(200);
        rows = report.body.children.filter((row) => ids.includes(row.childId));
      });
      expect(sorted(rows.map((row) => row.childId))).toEqual(sorted(ids));
      if (names) expect(sorted(rows.map((row) => row.name ?? ''))).toEqual(sorted(NAMES));
      else expect(rows.every((row) => !('name' in row))).toBe(true);
      expect(trail.map((entry) => [entry.role, entry.view, entry.query?.route])).toEqual(
        names ? [[role, 'drift', '/drift-report']] : [],
      );
    });

    it(`When it opens the panel's drift page, Then 200 with both children, ${names ? 'named, and recorded' : 'without names, and not recorded'}`, async () => {
      let html = '';
      const trail = await trailOf(async () => {
        const page = await api.get<string>(`/panel/drift?asAt=${AS_AT}&rule=DR01`, as(role));
        expect(page.status).toBe(200);
        html = page.body;
      });
      for (const ref of ['DRR-1', 'DRR-2']) expect(html).toContain(ref);
      for (const name of NAMES) expect(html.includes(name)).toBe(names);
      expect(trail.map((entry) => [entry.role, entry.view, entry.query?.route])).toEqual(
        names ? [[role, 'drift', '/panel/drift']] : [],
      );
    });

    it('When it downloads the CSV from the API and from the page, Then both list the same lines, with names only where the role may see them', async () => {
      const fromApi = await api.get<string>(`/drift?asAt=${AS_AT}&rule=DR01&minPosition=${position}`, {
        ...as(role),
        headers: { accept: 'text/csv' },
      });
      const fromPage = await api.get<string>(`/panel/drift.csv?asAt=${AS_AT}&rule=DR01`, as(role));
      expect([fromApi.status, fromPage.status]).toEqual([200, 200]);
      const ours = (csv: string) => csv.split(/\r?\n/).filter((line) => ids.some((id) => line.includes(id)));
      expect(ours(fromApi.body)).toHaveLength(2);
      expect(ours(fromApi.body)).toEqual(ours(fromPage.body));
      expect(fromApi.body.split(/\r?\n/)[0]).toEqual(fromPage.body.split(/\r?\n/)[0]);
      expect(fromApi.body.split(/\r?\n/)[0].split(',').includes('name')).toBe(names);
      for (const name of NAMES) expect(fromApi.body.includes(name)).toBe(names);
    });
  });

  // Review s18-diff 6: the page scanned every summary (closed cases included) while the API read the
  // engine's looked-after index; now both read the index, and the page still shows a change at once.
  it('Given the panel page, When it is opened, Then it reads the children looked after on asAt as the API does, and shows the next change', async () => {
    const engine = t.app.get<ProjectionEngine>(PROJECTION_ENGINE);
    const everyone = jest.spyOn(engine, 'summaries');
    const lookedAfter = jest.spyOn(engine, 'summariesLookedAfterOn');
    const page = () => api.get<string>(`/panel/drift?asAt=${AS_AT}&rule=DR01`, as('panel_member'));
    try {
      expect((await page()).body).toContain('DRR-1');
      expect(lookedAfter).toHaveBeenCalledWith(AS_AT);
      expect(everyone).not.toHaveBeenCalled();

      // A first review in time: DRR-1 meets DR01, so the cached report must be made again.
      const review = { effectiveDate: '2023-02-20', participation: 'PN0' };
      const reviewed = await api.post(`/children/${ids[0]}/reviews`, review, {
        token: tokenFor('social_worker', 'alice'),
      });
      expect(reviewed.status).toBe(201);
      let html = '';
      for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
        html = (await page()).body;
        if (!html.includes('DRR-1')) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(html).not.toContain('DRR-1');
      expect(html).toContain('DRR-2');
    } finally {
      everyone.mockRestore();
      lookedAfter.mockRestore();
    }
  });
});
