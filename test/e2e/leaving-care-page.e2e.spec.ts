/**
 * The leaving care team's worklist as a page (review s17 F4): /panel/leaving-care and its CSV, the
 * care leavers with a 903 OC3 contact due or missed by a day, for social workers (their teams'
 * young people, the team scope on) and admins only; each list read in the trail (view careLeavers)
 * before it is sent. Real HTTP app, real SQLite file. Every list is asked for a fixed day (asAt):
 * nothing here depends on today.
 */
import type { Role } from '@care-journey/access';
import { apiClient, type ApiClient } from './support/http-client';
import { registerBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';
import { trailEntriesAfter } from './support/trail-entries';

const PAGE = '/panel/leaving-care';
const NORTH = 'Children in Care North';
const SOUTH = 'Children in Care South';

/** The demo users under the team scope: sw.demo works in North, sw.other.demo in every other team. */
async function startTeamScopedApp(): Promise<TestApp> {
  const saved = process.env.CARE_JOURNEY_AUTHORITY;
  process.env.CARE_JOURNEY_AUTHORITY = JSON.stringify({ socialWorkerScope: 'team' });
  try {
    return await startTestApp();
  } finally {
    if (saved === undefined) delete process.env.CARE_JOURNEY_AUTHORITY;
    else process.env.CARE_JOURNEY_AUTHORITY = saved;
  }
}

/** The rows' children and statuses, as the page's table marks them. */
const rowsOf = (page: string): [string, string][] =>
  [...page.matchAll(/<tr class="govuk-table__row" data-child="([^"]+)" data-status="(due|missed)">/g)].map(
    ([, child, status]) => [child, status],
  );

describe("the leaving care team's worklist as a page: contacts due, by role and team", () => {
  let t: TestApp;
  let api: ApiClient;
  const as = (role: Role, id = `${role}-lc`) => ({ token: tokenFor(role, id) });
  const north = { token: tokenFor('social_worker', 'sw.demo') };
  const admin = as('admin');
  let northLeaver: string;
  let southLeaver: string;
  let northInCare: string;

  /** A young person born `dateOfBirth`, in care from 10/01/2023 (C2), and left E5 on 10/01/2024 unless `stays`. */
  const youngPerson = async (
    childRef: string,
    name: string,
    dateOfBirth: string,
    team: string,
    stays = false,
  ) => {
    const socialWorker = team === NORTH ? 'sw.demo' : 'sw.other.demo';
    const registered = await api.post<{ childId: string }>(
      '/children',
      registerBody({ childRef, name, dateOfBirth, effectiveDate: '2023-01-01', team, socialWorker }),
      admin,
    );
    expect(registered.status).toBe(201);
    const { childId } = registered.body;
    const started = await api.post(
      `/children/${childId}/periods-of-care`,
      {
        effectiveDate: '2023-01-10',
        legalStatus: 'C2',
        categoryOfNeed: 'N1',
        placement: {
          placementType: 'U6',
          provider: 'PR1',
          postcode: 'LS1 4AB',
          urn: 'SC000001',
          inArea: true,
        },
      },
      admin,
    );
    expect(started.status).toBe(201);
    if (stays) return { childId, position: (started.body as { globalPosition: string }).globalPosition };
    const ended = await api.post<{ globalPosition: string }>(
      `/children/${childId}/periods-of-care/end`,
      { effectiveDate: '2024-01-10', reason: 'E5' },
      admin,
    );
    expect(ended.status).toBe(201);
    return { childId, position: ended.body.globalPosition };
  };

  beforeAll(async () => {
    t = await startTeamScopedApp();
    api = apiClient(t.baseUrl);
    // 17th birthdays: 01/06/2024 (North, the review's RVLC03) and 01/07/2024 (South).
    northLeaver = (await youngPerson('LCP-N', 'Nia Northleaver', '2007-06-01', NORTH)).childId;
    southLeaver = (await youngPerson('LCP-S', 'Sol Southleaver', '2007-07-01', SOUTH)).childId;
    const last = await youngPerson('LCP-C', 'Cal Stillincare', '2007-06-15', NORTH, true);
    northInCare = last.childId;
    // The read models choose whose records are read: wait until they hold every entry above (each
    // ask waits up to 5 s, then 503: asked again, so a loaded machine only makes it slower).
    let status = 0;
    for (const deadline = Date.now() + 60_000; status !== 200 && Date.now() < deadline;)
      status = (await api.get(`/drift-report?minPosition=${last.position}`, as('reporting_job'))).status;
    expect(status).toBe(200);
  }, 120_000);
  afterAll(() => t.close());

  it("Given care leavers of two teams, When North's social worker opens the list for 15/07/2024, Then only North's care leaver is listed, due, linked to her page and its contact form; the read is in the trail", async () => {
    let page = '';
    const entries = await trailEntriesAfter(api, tokenFor('auditor', 'aud-lc'), async () => {
      const response = await api.get<string>(`${PAGE}?asAt=2024-07-15`, north);
      expect(response.status).toBe(200);
      page = response.body;
    });
    expect(rowsOf(page)).toEqual([[northLeaver, 'due']]);
    expect(page).toContain('Nia Northleaver');
    expect(page).toContain('LCP-N');
    expect(page).toContain('1 June 2024 (17)');
    expect(page).toContain('1 September 2024');
    expect(page).toContain('48 days left');
    expect(page).toContain(`href="/panel/children/${northLeaver}"`);
    expect(page).toContain(`href="/panel/children/${northLeaver}/record/care-leaver-contact"`);
    expect(page).not.toContain('Sol Southleaver');
    expect(page).not.toContain(northInCare);
    // The nav leads here for the social worker.
    expect(page).toContain(`href="${PAGE}" aria-current="page"`);
    expect(entries).toEqual([
      expect.objectContaining({
        readBy: 'sw.demo',
        role: 'social_worker',
        childId: '*',
        view: 'careLeavers',
        query: { route: PAGE, asAt: '2024-07-15' },
        childIds: [northLeaver],
      }),
    ]);
  });

  it('Given the same, When an admin opens it, Then both teams’ care leavers are listed, soonest last day first', async () => {
    const page = await api.get<string>(`${PAGE}?asAt=2024-07-15`, admin);
    expect(page.status).toBe(200);
    expect(rowsOf(page.body)).toEqual([
      [northLeaver, 'due'],
      [southLeaver, 'due'],
    ]);
  });

  it('Given the panel, an auditor and a reporting job, When they ask for the list or its CSV, Then each is refused (403) and nothing is in the trail; the panel’s pages do not link to it', async () => {
    for (const role of ['panel_member', 'auditor', 'reporting_job'] as const) {
      const entries = await trailEntriesAfter(api, tokenFor('auditor', 'aud-lc'), async () => {
        expect({ role, status: (await api.get(`${PAGE}?asAt=2024-07-15`, as(role))).status }).toEqual({
          role,
          status: 403,
        });
        expect({ role, status: (await api.get(`${PAGE}.csv?asAt=2024-07-15`, as(role))).status }).toEqual({
          role,
          status: 403,
        });
      });
      expect(entries.filter((e) => e.view === 'careLeavers')).toEqual([]);
    }
    const drift = await api.get<string>('/panel/drift?asAt=2024-07-15', as('panel_member'));
    expect(drift.status).toBe(200);
    expect(drift.body).not.toContain(`href="${PAGE}"`);
  });

  it("Given the list a year on, When North's worker narrows the missed ones with missedSince, Then the earlier missed birthday goes and the trail holds missedSince", async () => {
    // On 28/11/2025 the 17th (last day 01/09/2024) and the 18th (01/09/2025) are both missed;
    // by default missed ones are listed from 01/04/2024.
    const byDefault = await api.get<string>(`${PAGE}?asAt=2025-11-28`, north);
    expect(rowsOf(byDefault.body)).toEqual([
      [northLeaver, 'missed'],
      [northLeaver, 'missed'],
    ]);
    expect(byDefault.body).toContain('1 June 2024 (17)');
    let narrowed = '';
    const entries = await trailEntriesAfter(api, tokenFor('auditor', 'aud-lc'), async () => {
      narrowed = (await api.get<string>(`${PAGE}?asAt=2025-11-28&missedSince=2025-01-01`, north)).body;
    });
    expect(rowsOf(narrowed)).toEqual([[northLeaver, 'missed']]);
    expect(narrowed).toContain('1 June 2025 (18)');
    expect(narrowed).not.toContain('1 June 2024 (17)');
    expect(entries.map((e) => e.query)).toEqual([
      { route: PAGE, asAt: '2025-11-28', missedSince: '2025-01-01' },
    ]);
  });

  it('downloads the same rows as CSV, in the CLI’s columns, and the download is a read in the trail', async () => {
    let csv = '';
    const entries = await trailEntriesAfter(api, tokenFor('auditor', 'aud-lc'), async () => {
      const response = await api.get<string>(`${PAGE}.csv?asAt=2024-07-15`, north);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      expect(response.headers.get('content-disposition')).toContain('care-leaver-contacts-2024-07-15.csv');
      csv = response.body;
    });
    expect(csv).toBe(
      'child_ref,date_of_birth,age,birthday,last_day,status,left_care_on,left_care_reason,left_care_reason_words,last_contact_on,last_in_touch,last_in_touch_words\n' +
        'LCP-N,2007-06-01,17,2024-06-01,2024-09-01,due,2024-01-10,E5,Moved into independent living with supportive accommodation,,,\n',
    );
    expect(entries).toEqual([
      expect.objectContaining({
        view: 'careLeavers',
        query: { route: `${PAGE}.csv`, asAt: '2024-07-15' },
        childIds: [northLeaver],
      }),
    ]);
  });

  it('Given a day that does not exist, When the list is asked for, Then the page is a 400 naming the field and the rule, the CSV a 400 naming it too, and nothing is read or trailed', async () => {
    let page = '';
    let csvStatus = 0;
    let csvBody = '';
    const entries = await trailEntriesAfter(api, tokenFor('auditor', 'aud-lc'), async () => {
      const response = await api.get<string>(`${PAGE}?asAt=2024-02-30`, north);
      expect(response.status).toBe(400);
      page = response.body;
      const csv = await api.get<string>(`${PAGE}.csv?missedSince=2024-13-01`, north);
      csvStatus = csv.status;
      csvBody = csv.body;
    });
    expect(page).toContain('There is a problem');
    expect(page).toContain(
      '<a href="#asAt">Contacts due by must be a real date, YYYY-MM-DD, for example 2026-03-31</a>',
    );
    expect(page).toContain('id="asAt-error"');
    expect(page).toContain('value="2024-02-30"');
    expect(rowsOf(page)).toEqual([]);
    expect(csvStatus).toBe(400);
    // A download cannot show its form: the refusal names the field by its label, and holds no rows.
    expect(csvBody).toContain('Missed contacts for birthdays from must be a real date');
    expect(csvBody).not.toContain('child_ref,date_of_birth');
    expect(entries).toEqual([]);
  });

  it("Given North's care leaver on the list, When the contact is recorded, Then the next list no longer has her (the young person's own record decides, not a read model)", async () => {
    const recorded = await api.post(
      `/children/${northLeaver}/care-leaver-contacts`,
      { effectiveDate: '2024-06-10', inTouch: 'YES', activity: 'F2', accommodation: 'T1' },
      north,
    );
    expect(recorded.status).toBe(201);
    const page = await api.get<string>(`${PAGE}?asAt=2024-07-15`, north);
    expect(page.status).toBe(200);
    expect(rowsOf(page.body)).toEqual([]);
    expect(page.body).toContain('No care leaver has a contact due or missed by 15 July 2024.');
    // A year on her 18th is due: her row gives when she left care and that contact, in words.
    const later = await api.get<string>(`${PAGE}?asAt=2025-07-15`, north);
    expect(rowsOf(later.body)).toEqual([[northLeaver, 'due']]);
    expect(later.body).toContain(
      'data-column="left-care">10 January 2024<br><span class="govuk-body-s">E5 Moved into independent living with supportive accommodation</span>',
    );
    expect(later.body).toContain(
      'data-column="last-contact">YES In touch<br><span class="govuk-body-s">10 June 2024</span>',
    );
    const csv = await api.get<string>(`${PAGE}.csv?asAt=2025-07-15`, north);
    expect(csv.body.split('\n')[1]).toBe(
      'LCP-N,2007-06-01,18,2025-06-01,2025-09-01,due,2024-01-10,E5,Moved into independent living with supportive accommodation,2024-06-10,YES,In touch',
    );
  });
});
