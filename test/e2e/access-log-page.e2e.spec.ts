/**
 * The auditor's pages of the read-access trail (panel review F2): /panel/audit/access-log (one
 * child's reads, linked from the child's page, or the authority's, filtered by child, reader and
 * days, paged by the log's position) and its CSV, answered from the same trail as
 * GET /audit/access-log; auditors and admins only. Real HTTP app, real SQLite file.
 */
import type { Role } from '@care-journey/access';
import { escapeHtml } from '../../apps/api/src/web/html/html';
import { appendCliExportRead } from './support/cli-export-read';
import { apiClient, type ApiClient } from './support/http-client';
import { namedChildrenInCare } from './support/journey-setup';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';
import type { TrailEntry } from './support/trail-entries';

const PAGE = '/panel/audit/access-log';
const rowsOf = (page: string): { position: string; view: string }[] =>
  [...page.matchAll(/<tr class="govuk-table__row" data-position="(\d+)" data-view="([a-z0-9]+)">/g)].map(
    ([, position, view]) => ({ position, view }),
  );

describe('the read-access trail as pages for auditors: who read this child', () => {
  let t: TestApp;
  let api: ApiClient;
  let ids: string[] = [];
  const as = (role: Role, id = `${role}-pages`) => ({ token: tokenFor(role, id) });
  const trail = async (query: string): Promise<TrailEntry[]> =>
    (await api.get<{ entries: TrailEntry[] }>(`/audit/access-log?${query}`, as('auditor'))).body.entries;

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    const made = await namedChildrenInCare(api, ['Tia Page', 'Tom Page'], 'ALP');
    ids = made.ids;
    expect((await api.get(`/drift-report?minPosition=${made.position}`, as('reporting_job'))).status).toBe(
      200,
    );
    // Given: a social worker reads the first child's flags, a panel member the second's history
    // and the drift report that names them both.
    expect((await api.get(`/children/${ids[0]}/flags`, as('social_worker', 'sw-a'))).status).toBe(200);
    expect((await api.get(`/children/${ids[1]}/history`, as('panel_member', 'pm-b'))).status).toBe(200);
    expect((await api.get('/drift-report?asAt=2026-01-15', as('panel_member', 'pm-b'))).status).toBe(200);
  }, 60_000);
  afterAll(() => t.close());

  it("Given reads of a child, When an auditor opens the child's trail, Then it lists that child's reads and the lists naming it, as the API does", async () => {
    const page = await api.get<string>(`${PAGE}?childId=${ids[0]}`, as('auditor'));
    expect(page.status).toBe(200);
    expect(page.body).toContain('Who read this child');
    const api0 = (await trail(`childId=${ids[0]}`)) as (TrailEntry & { position: string; readAt: string })[];
    expect(rowsOf(page.body)).toEqual(api0.map((e) => ({ position: e.position, view: e.view })));
    expect(rowsOf(page.body).map((r) => r.view)).toEqual(expect.arrayContaining(['flags', 'drift']));
    expect(page.body).toContain('sw-a');
    expect(page.body).toContain('Flags and flag history');
    expect(page.body).toContain('this child among them');
    // The other child's history read is not this child's.
    expect(rowsOf(page.body).map((r) => r.view)).not.toContain('history');
    // A drift report read links to the replay as known at the moment of the read.
    const drift = api0.find((e) => e.view === 'drift');
    expect(page.body).toContain(
      `/panel/audit/drift?asAt=2026-01-15&amp;knownAt=${encodeURIComponent(drift?.readAt ?? 'no drift read')}`,
    );
  });

  it('filters by reader (the API too) and by days; a range with no reads says so', async () => {
    const byReader = await api.get<string>(`${PAGE}?readBy=pm-b`, as('admin'));
    expect(byReader.status).toBe(200);
    const apiRows = await trail('readBy=pm-b');
    expect(apiRows.length).toBeGreaterThanOrEqual(2);
    expect(apiRows.every((e) => e.readBy === 'pm-b')).toBe(true);
    expect(rowsOf(byReader.body).map((r) => r.view)).toEqual(apiRows.map((e) => e.view));
    const past = await api.get<string>(`${PAGE}?from=2020-01-01&to=2020-12-31`, as('auditor'));
    expect(past.status).toBe(200);
    expect(rowsOf(past.body)).toEqual([]);
    expect(past.body).toContain('No read matched.');
  });

  it('pages by the log: 100 entries a page, Next after the last, every entry once, as the API lists them', async () => {
    for (let i = 0; i < 105; i += 1)
      expect((await api.get(`/children/${ids[1]}`, as('auditor', 'aud-many'))).status).toBe(200);
    const first = await api.get<string>(`${PAGE}?readBy=aud-many`, as('auditor'));
    const firstRows = rowsOf(first.body);
    expect(firstRows).toHaveLength(100);
    const next = /href="([^"]+)" rel="next"/.exec(first.body)?.[1].replace(/&amp;/g, '&');
    expect(next).toBe(`${PAGE}?readBy=aud-many&after=${firstRows[99].position}`);
    const second = rowsOf((await api.get<string>(next as string, as('auditor'))).body);
    expect(second).toHaveLength(5);
    const apiPositions = (
      await api.get<{ entries: { position: string }[] }>(
        '/audit/access-log?readBy=aud-many&limit=1000',
        as('auditor'),
      )
    ).body.entries.map((e) => e.position);
    expect([...firstRows, ...second].map((r) => r.position)).toEqual(apiPositions);
  });

  it('downloads the filtered trail as CSV: one line per entry, ids not names', async () => {
    const csv = await api.get<string>(`${PAGE}.csv?childId=${ids[0]}`, as('auditor'));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('access-log-start-now.csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe(
      'position,read_at,read_by,role,view,child_id,route,query,reason,children_named,child_ids,os_user,host',
    );
    expect(lines).toHaveLength(1 + (await trail(`childId=${ids[0]}`)).length);
    expect(lines.some((l) => l.includes(`,sw-a,social_worker,flags,${ids[0]},/children/:id/flags,`))).toBe(
      true,
    );
    expect(csv.body).not.toContain('Tia Page');
  });

  it('Given a command-line read (its --by typed, its OS account and host recorded), When an auditor opens the trail, Then the page and the CSV show who ran it beside the reader (review s15 F10)', async () => {
    // Given: what `audit export --by dpo.review` appends, run by OS account jsmith on ops-1 (support/cli-export-read).
    await appendCliExportRead(t.store, ids[0]);
    const page = await api.get<string>(`${PAGE}?readBy=dpo.review`, as('auditor'));
    expect(page.status).toBe(200);
    const rows = page.body.split('<tr class="govuk-table__row" data-position=').slice(1);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toContain('dpo.review');
    expect(rows[0]).toContain('Run by OS account jsmith on ops-1');
    // An API read has no OS account: none is shown.
    const apiRead = await api.get<string>(`${PAGE}?readBy=sw-a`, as('auditor'));
    expect(apiRead.body).not.toContain('Run by OS account');

    const csv = await api.get<string>(`${PAGE}.csv?readBy=dpo.review`, as('auditor'));
    const [header, line, ...rest] = csv.body.trim().split('\n');
    expect(rest).toEqual([]);
    expect(header.split(',').slice(-2)).toEqual(['os_user', 'host']);
    expect(line).toContain(`,dpo.review,operator,bundle,${ids[0]},`);
    expect(line.split(',').slice(-2)).toEqual(['jsmith', 'ops-1']);
    // The API's reads leave both columns empty.
    const swLine = (await api.get<string>(`${PAGE}.csv?readBy=sw-a`, as('auditor'))).body
      .trim()
      .split('\n')[1];
    expect(swLine.split(',').slice(-2)).toEqual(['', '']);
  });

  it('refuses bad input naming the field and the rule: the page (400, error summary) and the CSV (400, no file)', async () => {
    const page = await api.get<string>(`${PAGE}?from=2026-02-30`, as('auditor'));
    expect(page.status).toBe(400);
    expect(page.body).toContain('From must be a real calendar date, YYYY-MM-DD');
    expect(page.body).toContain('href="#from"');
    expect(rowsOf(page.body)).toEqual([]);
    const backwards = await api.get<string>(`${PAGE}?from=2026-02-02&to=2026-02-01`, as('auditor'));
    expect(backwards.status).toBe(400);
    expect(backwards.body).toContain('To (2026-02-01) must not be before from (2026-02-02)');
    const unknown = await api.get<string>(`${PAGE}?reader=sw-a`, as('auditor'));
    expect(unknown.status).toBe(400);
    expect(unknown.body).toContain('“reader”');
    const csv = await api.get<string>(`${PAGE}.csv?childId=a%20b`, as('auditor'));
    expect(csv.status).toBe(400);
    expect(csv.body).toContain('Child must be a child id');
    expect(csv.body).not.toContain('position,read_at');
  });

  it.each([
    'childId=a%20b',
    'childId=c-1&childId=c-2',
    'readBy=' + 'x'.repeat(201),
    'from=2026-02-30&to=1800-01-01',
    'from=2026-02-02&to=2026-02-01',
    'after=-1',
  ])(
    'gives the API’s errors for %s: its messages, on the page (each linked to its field on the form, the position in the address without a link) and for the CSV',
    async (query) => {
      const fromApi = await api.get<{ errors: { field: string; message: string }[] }>(
        `/audit/access-log?${query}`,
        as('auditor'),
      );
      const page = await api.get<string>(`${PAGE}?${query}`, as('auditor'));
      const csv = await api.get<string>(`${PAGE}.csv?${query}`, as('auditor'));
      expect([fromApi.status, page.status, csv.status]).toEqual([400, 400, 400]);
      expect(fromApi.body.errors.length).toBeGreaterThan(0);
      // The API's words after the field's name; the page names the field by its label.
      for (const { field, message } of fromApi.body.errors) {
        const words = escapeHtml(message.slice(field.length));
        expect(page.body).toContain(words);
        // `after` is no field of the form (it is in the page address): a link to it would go nowhere.
        if (field === 'after') expect(page.body).not.toContain('href="#after"');
        else expect(page.body).toContain(`href="#${field}"`);
        expect(csv.body).toContain(words);
      }
    },
  );

  it('is for auditors and admins only, as GET /audit/access-log: 403 for every other role, page and CSV', async () => {
    for (const role of ['social_worker', 'panel_member', 'reporting_job'] as const) {
      expect((await api.get(PAGE, as(role))).status).toBe(403);
      expect((await api.get(`${PAGE}.csv`, as(role))).status).toBe(403);
      expect((await api.get('/audit/access-log', as(role))).status).toBe(403);
    }
    for (const role of ['auditor', 'admin'] as const)
      expect((await api.get(PAGE, as(role))).status).toBe(200);
  });

  it("links the auditor's (and admin's) child page to the child's trail, and not a panel member's", async () => {
    const link = `href="${PAGE}?childId=${ids[0]}"`;
    for (const role of ['auditor', 'admin'] as const)
      expect((await api.get<string>(`/panel/children/${ids[0]}`, as(role))).body).toContain(link);
    const panel = await api.get<string>(`/panel/children/${ids[0]}`, as('panel_member'));
    expect(panel.status).toBe(200);
    expect(panel.body).not.toContain(PAGE);
  });
});
