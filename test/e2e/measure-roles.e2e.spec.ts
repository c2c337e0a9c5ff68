/**
 * One rule per measure on every surface (apps/api/src/web/measures/measure-readers.ts): every role
 * reads placement stability, time to permanence and the adoption scorecard through the API
 * (`/stability`, `/permanence`, `/scorecard`, JSON and CSV) and on the panel's pages
 * (`/panel/measures` and the children behind ST1 and A1); the same children either way; names for
 * every role but reporting jobs; each read with names in the read-access trail, none without.
 * Real HTTP app, real SQLite file.
 */
import { ROLES, type Role } from '@care-journey/access';
import { apiClient, type ApiClient } from './support/http-client';
import { registerBody, wholeJourney } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';
import { trailEntriesAfter, type TrailEntry } from './support/trail-entries';

const NAMES = ['Mira Steadfast', 'Milo Steadfast'];
const REFS = ['MSR-1', 'MSR-2'];
/** wholeJourney: in care from 6 Feb 2023, three moves in 2023–24, moved in with adopters 4 Dec 2023, adopted 13 May 2024. */
const STABILITY_YEAR = '2024-03-31';
const SCORECARD_PERIOD = '2025-03-31';
const PERMANENCE_WINDOW = 'from=2023-01-01&to=2024-12-31';

/** Which roles see names (the personal-data view of the role table): all but reporting jobs. */
const SEES_NAMES: Record<Role, boolean> = {
  social_worker: true,
  panel_member: true,
  auditor: true,
  admin: true,
  reporting_job: false,
};

interface Row {
  childId: string;
  name?: string;
}

describe('stability, permanence and the scorecard: the same roles, children and names through the API and on the panel pages', () => {
  let t: TestApp;
  let api: ApiClient;
  const ids: string[] = [];
  let position = '0';

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    const token = tokenFor('social_worker', 'alice');
    for (const [i, name] of NAMES.entries()) {
      const registered = await api.post<{ childId: string }>(
        '/children',
        registerBody({ childRef: REFS[i], name, upn: 'UN1' }),
        { token },
      );
      if (registered.status !== 201) throw new Error(`register: ${JSON.stringify(registered.body)}`);
      const childId = registered.body.childId;
      ids.push(childId);
      for (const [path, body] of wholeJourney) {
        const recorded = await api.post<{ globalPosition: string }>(`/children/${childId}/${path}`, body, {
          token,
        });
        if (recorded.status !== 201) throw new Error(`${path}: ${JSON.stringify(recorded.body)}`);
        position = recorded.body.globalPosition;
      }
    }
  }, 60_000);
  afterAll(() => t.close());

  const as = (role: Role) => ({ token: tokenFor(role, `${role}-measure-roles`) });
  const trailOf = (read: () => Promise<unknown>): Promise<TrailEntry[]> =>
    trailEntriesAfter(api, tokenFor('auditor', 'measure-roles-auditor'), read);
  const sorted = (values: readonly string[]) => [...values].sort();
  /** Each entry as [role, view, route], and the ids it lists. */
  const shape = (trail: TrailEntry[]) => trail.map((entry) => [entry.role, entry.view, entry.query?.route]);
  const idsOf = (trail: TrailEntry[]) => sorted(trail.flatMap((entry) => entry.childIds ?? []));

  /** Our two children in `rows` (a child may have several: permanence has one per milestone), with names exactly when the role may see them. */
  const expectOurs = (rows: readonly Row[], names: boolean) => {
    const ours = rows.filter((row) => ids.includes(row.childId));
    const distinct = (values: string[]) => sorted([...new Set(values)]);
    expect(distinct(ours.map((row) => row.childId))).toEqual(sorted(ids));
    if (names) expect(distinct(ours.map((row) => row.name ?? ''))).toEqual(sorted(NAMES));
    else expect(ours.every((row) => !('name' in row))).toBe(true);
  };

  /** A panel page: 200, both references, names exactly when the role may see them. */
  const expectPage = (status: number, html: string, names: boolean) => {
    expect(status).toBe(200);
    for (const ref of REFS) expect(html).toContain(ref);
    for (const name of NAMES) expect(html.includes(name)).toBe(names);
  };

  describe.each(ROLES.map((role) => [role]))('Given a %s', (role: Role) => {
    const names = SEES_NAMES[role];
    const recorded = names ? 'named, and recorded' : 'without names, and not recorded';

    it(`When it asks the API for stability, Then 200 with both children behind ST1, ${recorded}`, async () => {
      let rows: Row[] = [];
      const trail = await trailOf(async () => {
        const answer = await api.get<{ measures: { measure: string; children: Row[] }[] }>(
          `/stability?yearEnding=${STABILITY_YEAR}&minPosition=${position}`,
          as(role),
        );
        expect(answer.status).toBe(200);
        rows = answer.body.measures.find((m) => m.measure === 'ST1')?.children ?? [];
      });
      expectOurs(rows, names);
      expect(shape(trail)).toEqual(names ? [[role, 'measures', '/stability']] : []);
      if (names) expect(idsOf(trail)).toEqual(sorted(ids));
    });

    it(`When it opens the children behind ST1 on the panel, Then 200 with both children, ${recorded}`, async () => {
      let page = { status: 0, body: '' };
      const trail = await trailOf(async () => {
        page = await api.get<string>(`/panel/measures/ST1?yearEnding=${STABILITY_YEAR}`, as(role));
      });
      expectPage(page.status, page.body, names);
      expect(shape(trail)).toEqual(names ? [[role, 'measures', '/panel/measures/ST1']] : []);
      if (names) expect(idsOf(trail)).toEqual(sorted(ids));
    });

    it(`When it asks the API for time to permanence, Then 200 with both children's rows, ${recorded}`, async () => {
      let rows: Row[] = [];
      const trail = await trailOf(async () => {
        const answer = await api.get<{ rows: Row[] }>(
          `/permanence?${PERMANENCE_WINDOW}&minPosition=${position}`,
          as(role),
        );
        expect(answer.status).toBe(200);
        rows = answer.body.rows;
      });
      expectOurs(rows, names);
      expect(shape(trail)).toEqual(names ? [[role, 'measures', '/permanence']] : []);
      if (names) expect(idsOf(trail)).toEqual(sorted(ids));
    });

    it('When it opens the measures page (stability, permanence, scorecard), Then 200 with the three sections, no names and nothing recorded', async () => {
      let page = { status: 0, body: '' };
      const trail = await trailOf(async () => {
        page = await api.get<string>(`/panel/measures?yearEnding=${SCORECARD_PERIOD}`, as(role));
      });
      expect(page.status).toBe(200);
      for (const section of ['id="stability"', 'id="permanence"', 'id="scorecard"'])
        expect(page.body).toContain(section);
      for (const name of NAMES) expect(page.body).not.toContain(name);
      expect(trail).toEqual([]);
    });

    it(`When it asks the API for the scorecard, Then 200 with both adopted children, ${recorded}`, async () => {
      let rows: Row[] = [];
      const trail = await trailOf(async () => {
        const answer = await api.get<{ children: Row[] }>(
          `/scorecard?periodEnding=${SCORECARD_PERIOD}&minPosition=${position}`,
          as(role),
        );
        expect(answer.status).toBe(200);
        rows = answer.body.children;
      });
      expectOurs(rows, names);
      expect(shape(trail)).toEqual(names ? [[role, 'measures', '/scorecard']] : []);
      if (names) expect(idsOf(trail)).toEqual(sorted(ids));
    });

    it(`When it opens the children behind A1 on the panel, Then 200 with both children, ${recorded}`, async () => {
      let page = { status: 0, body: '' };
      const trail = await trailOf(async () => {
        page = await api.get<string>(`/panel/measures/A1?yearEnding=${SCORECARD_PERIOD}`, as(role));
      });
      expectPage(page.status, page.body, names);
      expect(shape(trail)).toEqual(names ? [[role, 'measures', '/panel/measures/A1']] : []);
      if (names) expect(idsOf(trail)).toEqual(sorted(ids));
    });

    it('When it downloads each measure as CSV, Then 200, a name column and names only where the role may see them, each download with names recorded', async () => {
      const urls = [
        `/stability?yearEnding=${STABILITY_YEAR}`,
        `/permanence?${PERMANENCE_WINDOW}`,
        `/scorecard?periodEnding=${SCORECARD_PERIOD}`,
      ];
      const trail = await trailOf(async () => {
        for (const url of urls) {
          const csv = await api.get<string>(url, { ...as(role), headers: { accept: 'text/csv' } });
          expect([url, csv.status]).toEqual([url, 200]);
          expect(csv.body.split(/\r?\n/)[0].split(',').includes('name')).toBe(names);
          for (const id of ids) expect(csv.body).toContain(id);
          for (const name of NAMES) expect(csv.body.includes(name)).toBe(names);
        }
      });
      expect(shape(trail)).toEqual(
        names ? ['/stability', '/permanence', '/scorecard'].map((route) => [role, 'measures', route]) : [],
      );
    });
  });
});
