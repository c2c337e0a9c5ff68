/**
 * The leaving care worklist, paged (session 20): 52 care leavers due a contact on 15/07/2024 (17th
 * birthdays 01/06/2024 to 22/07/2024, a day apart) are two pages of 50; the next link keeps the
 * form's values; the trail names only the young people on the page read; the CSV is every row; a
 * page that is not a whole number from 1 is a 400 naming it, with nothing read or trailed. Real
 * HTTP app, real SQLite file; every list is for a fixed day.
 */
import { addDays } from '@care-journey/journey';
import { careLeaverThroughApi } from './support/care-leaver-journey';
import { apiClient, type ApiClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';
import { trailEntriesAfter } from './support/trail-entries';

const PAGE = '/panel/leaving-care';
const QUERY = 'asAt=2024-07-15&missedSince=2023-01-01';
const YOUNG_PEOPLE = 52;
/** A row's cells after its status: care ended 10/01/2024 (E5, in words), no contact recorded. */
const LEFT_E5 = ',2024-01-10,E5,Moved into independent living with supportive accommodation,,,';

/** The rows' children, as the page's table marks them. */
const rowsOf = (page: string): string[] =>
  [...page.matchAll(/<tr class="govuk-table__row" data-child="([^"]+)" data-status="due">/g)].map(
    ([, id]) => id,
  );

describe("the leaving care worklist's pages", () => {
  let t: TestApp;
  let api: ApiClient;
  const admin = { token: tokenFor('admin', 'admin-lcp') };
  const auditor = tokenFor('auditor', 'aud-lcp');
  /** The young people, soonest last day first: the list's order. */
  const childIds: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    let position = '';
    for (let i = 0; i < YOUNG_PEOPLE; i++) {
      const made = await careLeaverThroughApi(
        api,
        `LCPG-${String(i).padStart(2, '0')}`,
        addDays('2007-06-01', i),
      );
      childIds.push(made.childId);
      position = made.position;
    }
    // The read models choose whose records are read: wait until they hold every entry above (each
    // ask waits up to 5 s, then 503: asked again, so a loaded machine only makes it slower).
    let status = 0;
    for (const deadline = Date.now() + 60_000; status !== 200 && Date.now() < deadline;)
      status = (await api.get(`/drift-report?minPosition=${position}`, { token: tokenFor('reporting_job') }))
        .status;
    expect(status).toBe(200);
  }, 180_000);
  afterAll(() => t.close());

  it('Given 52 rows, When the first page is read, Then it has the first 50, counts all 52, links Next to page 2 with asAt and missedSince kept, and the trail names those 50 on page 1', async () => {
    let page = '';
    const entries = await trailEntriesAfter(api, auditor, async () => {
      const response = await api.get<string>(`${PAGE}?${QUERY}`, admin);
      expect(response.status).toBe(200);
      page = response.body;
    });
    expect(rowsOf(page)).toEqual(childIds.slice(0, 50));
    expect(page).toContain('<strong>52 contacts due</strong>');
    expect(page).toContain('(1–50 of 52)</caption>');
    expect(page).toContain(`href="${PAGE}?asAt=2024-07-15&amp;missedSince=2023-01-01&amp;page=2" rel="next"`);
    expect(page).not.toContain('rel="prev"');
    expect(entries).toEqual([
      expect.objectContaining({
        view: 'careLeavers',
        query: { route: PAGE, asAt: '2024-07-15', missedSince: '2023-01-01', page: '1' },
        childIds: childIds.slice(0, 50),
      }),
    ]);
  });

  it('Given the same, When page 2 is read, Then it has the last 2 rows and a Previous link, and the trail names only those 2', async () => {
    let page = '';
    const entries = await trailEntriesAfter(api, auditor, async () => {
      page = (await api.get<string>(`${PAGE}?${QUERY}&page=2`, admin)).body;
    });
    expect(rowsOf(page)).toEqual(childIds.slice(50));
    expect(page).toContain('(51–52 of 52)</caption>');
    expect(page).toContain(`href="${PAGE}?asAt=2024-07-15&amp;missedSince=2023-01-01" rel="prev"`);
    expect(page).not.toContain('rel="next"');
    expect(entries.map((e) => [e.query, e.childIds])).toEqual([
      [{ route: PAGE, asAt: '2024-07-15', missedSince: '2023-01-01', page: '2' }, childIds.slice(50)],
    ]);
  });

  it('Given a page past the end, When it is read, Then the last page is shown and trailed as page 2', async () => {
    let page = '';
    const entries = await trailEntriesAfter(api, auditor, async () => {
      page = (await api.get<string>(`${PAGE}?${QUERY}&page=9`, admin)).body;
    });
    expect(rowsOf(page)).toEqual(childIds.slice(50));
    expect(entries.map((e) => e.query?.page)).toEqual(['2']);
  });

  it('Given the same list, When the CSV is downloaded, Then it has all 52 rows and the trail names all 52', async () => {
    let csv = '';
    const entries = await trailEntriesAfter(api, auditor, async () => {
      const response = await api.get<string>(`${PAGE}.csv?${QUERY}`, admin);
      expect(response.status).toBe(200);
      csv = response.body;
    });
    const lines = csv.trim().split('\n');
    expect(lines).toHaveLength(1 + YOUNG_PEOPLE);
    expect(lines[1]).toBe(`LCPG-00,2007-06-01,17,2024-06-01,2024-09-01,due${LEFT_E5}`);
    expect(lines[YOUNG_PEOPLE]).toBe(`LCPG-51,2007-07-22,17,2024-07-22,2024-10-22,due${LEFT_E5}`);
    expect(entries).toEqual([expect.objectContaining({ childIds })]);
  });

  it('Given page=2, When the CSV is downloaded, Then the page is ignored: all 52 rows, the trail names all 52 and no page', async () => {
    let csv = '';
    const entries = await trailEntriesAfter(api, auditor, async () => {
      const response = await api.get<string>(`${PAGE}.csv?${QUERY}&page=2`, admin);
      expect(response.status).toBe(200);
      csv = response.body;
    });
    expect(csv.trim().split('\n')).toHaveLength(1 + YOUNG_PEOPLE);
    expect(entries).toEqual([expect.objectContaining({ childIds })]);
    expect(entries[0].query?.page).toBeUndefined();
  });

  it.each(['0', 'two', '-1'])(
    'Given page=%s, When the CSV is asked for, Then it is a 400 naming page and its rule, with no rows, and nothing is read or trailed',
    async (bad) => {
      let status = 0;
      let body = '';
      const entries = await trailEntriesAfter(api, auditor, async () => {
        const response = await api.get<string>(`${PAGE}.csv?${QUERY}&page=${bad}`, admin);
        status = response.status;
        body = response.body;
      });
      expect(status).toBe(400);
      // The download cannot show its form: the refusal names the field and its rule.
      expect(body).toContain('Invalid request: page: Page must be a whole number from 1, for example 2');
      expect(body).not.toContain('child_ref');
      expect(entries).toEqual([]);
    },
  );

  it.each(['0', 'two', '-1'])(
    'Given page=%s, When the list is asked for, Then the page is a 400 naming Page and its rule, and nothing is read or trailed',
    async (bad) => {
      let page = '';
      const entries = await trailEntriesAfter(api, auditor, async () => {
        const response = await api.get<string>(`${PAGE}?${QUERY}&page=${bad}`, admin);
        expect(response.status).toBe(400);
        page = response.body;
      });
      expect(page).toContain('There is a problem');
      expect(page).toContain('Page must be a whole number from 1, for example 2');
      expect(rowsOf(page)).toEqual([]);
      expect(entries).toEqual([]);
    },
  );
});
