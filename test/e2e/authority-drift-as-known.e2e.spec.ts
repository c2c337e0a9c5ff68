import { DRIFT_RULES, type DriftReport } from '@care-journey/projections';
import { SYNTHETIC_TEAMS } from '@care-journey/reporting';
import { todayInEngland } from '../../apps/api/src/projections/today';
import { startSeededApp } from './browser/support/seeded-app';
import { apiClient, type ApiClient } from './support/http-client';
import type { TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';
import { trailEntriesAfter } from './support/trail-entries';
import { onOneDay } from './support/one-day';

jest.setTimeout(120_000);

interface AsKnownReport extends DriftReport {
  knownAt: string;
  head: string | null;
  eventsRead: number;
  eventsKnown: number;
  childrenKnown: number;
  judgedWith: { rules: string; ruleIds: string[]; thresholds: { dueSoonDays: number } };
  paging: { page: number; pageSize: number; total: number; pages: number };
}

const auditor = tokenFor('auditor', 'auditor-ann');
const WHOLE = 'pageSize=1000';

/**
 * The report's figures and rows, the social worker's name included: both reports name the allocated
 * worker from today's users file (`socialWorkerName`, review s15-iro F6; the report as known since
 * session 16), so a row is the same in both, name and all.
 */
const comparable = (report: DriftReport) => ({
  asAt: report.asAt,
  dueWithinDays: report.dueWithinDays,
  openFlags: report.openFlags,
  dueSoon: report.dueSoon,
  byRule: report.byRule,
  children: report.children,
});

type NamedRow = DriftReport['children'][number] & { socialWorkerName: string | null };

/** The demo users file's social workers (apps/api user-directory.ts), given two of the cohort's teams. */
const DEMO_WORKERS: Record<string, string> = {
  'sw.demo': 'Sam Worker (demo)',
  'sw.other.demo': 'Olu Other (demo)',
};

describe('the authority drift report as known at an instant, over HTTP (seeded cohort)', () => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    // 150 synthetic children, their journeys recorded over three years to 2025-03-31 with late write-ups;
    // two teams' children allocated to the demo users file's social workers, the rest to usernames it lacks.
    t = await startSeededApp(150, {
      socialWorkerOfTeam: { [SYNTHETIC_TEAMS[0]]: 'sw.demo', [SYNTHETIC_TEAMS[1]]: 'sw.other.demo' },
    });
    api = apiClient(t.baseUrl);
  });
  afterAll(() => t?.close());

  const asKnown = (query: string, token = auditor) =>
    api.get<AsKnownReport>(`/audit/drift-report?${query}`, { token });

  it("Given the seeded cohort, When today's report is replayed as known now, Then it equals the live report from the read model", async () => {
    // The replay's asAt is the API's today: read on one day with this one's (not across midnight).
    const replayed = await onOneDay(async (today) => {
      const live = await api.get<DriftReport>(`/drift-report?asAt=${today}&${WHOLE}`, { token: auditor });
      const replayed = await asKnown(WHOLE);
      expect(live.status).toBe(200);
      expect(replayed.status).toBe(200);
      expect(replayed.body.asAt).toBe(today);
      expect(live.body.openFlags).toBeGreaterThan(0);
      expect(comparable(replayed.body)).toEqual(comparable(live.body));
      return replayed;
    });
    // The comparison holds names: some rows have one, as the live report gives it.
    const named = (replayed.body.children as NamedRow[]).filter((row) => row.socialWorkerName !== null);
    expect(named.length).toBeGreaterThan(0);
    expect(replayed.body.childrenKnown).toBe(150);
    expect(replayed.body.eventsKnown).toBe(replayed.body.eventsRead);
  });

  it('Given past dates and filters, When replayed as known now, Then each equals the live report as at that date', async () => {
    const now = new Date().toISOString();
    for (const query of [
      'asAt=2025-03-31',
      'asAt=2024-06-30&rule=DR01,DR03',
      'asAt=2023-12-31&dueWithinDays=60',
    ]) {
      const live = await api.get<DriftReport>(`/drift-report?${query}&${WHOLE}`, { token: auditor });
      const replayed = await asKnown(`${query}&knownAt=${now}&${WHOLE}`);
      expect(replayed.status).toBe(200);
      expect(comparable(replayed.body)).toEqual(comparable(live.body));
    }
  });

  it('When the year end is replayed as known at the end of that day, Then write-ups recorded later are left out and the report differs', async () => {
    const thenKnown = await asKnown(`asAt=2025-03-31&${WHOLE}`);
    const nowKnown = await asKnown(`asAt=2025-03-31&knownAt=${new Date().toISOString()}&${WHOLE}`);
    expect(thenKnown.body.knownAt).toBe('2025-03-31T22:59:59.999Z');
    expect(thenKnown.body.eventsKnown).toBeLessThan(nowKnown.body.eventsKnown);
    expect(comparable(thenKnown.body)).not.toEqual(comparable(nowKnown.body));
  });

  it("Given the year end as known then, Then each row names the social worker allocated in what was recorded by then, with today's display name from the users file, said to be today's; the page shows the same", async () => {
    const thenKnown = await asKnown(`asAt=2025-03-31&${WHOLE}`);
    expect(thenKnown.status).toBe(200);
    const rows = thenKnown.body.children as NamedRow[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(row.socialWorkerName).toBe(
        row.socialWorker === undefined ? null : (DEMO_WORKERS[row.socialWorker] ?? null),
      );
    const named = rows.filter((row) => row.socialWorkerName !== null);
    expect(named.length).toBeGreaterThan(0);
    expect((thenKnown.body as { socialWorkerNameIs?: string }).socialWorkerNameIs).toContain(
      "today's display name in the users file",
    );

    const page = await api.get<string>('/panel/audit/drift?asAt=2025-03-31', { token: auditor });
    expect(page.status).toBe(200);
    const first = named[0];
    const row = new RegExp(`data-child="${first.childId}">[^]*?</tr>`).exec(page.body)?.[0] ?? '';
    expect(row).toContain(`${first.socialWorkerName ?? ''} (${first.socialWorker ?? ''})`);
    expect(page.body).toContain('id="as-known-worker-names"');
  });

  it('Given the default settings (DR14 off), When the auditor opens the page, Then under the headline it says which rules were not checked, as the live drift page does (review s16-ofsted F6)', async () => {
    const notChecked = (body: string): string =>
      /<p class="govuk-body" id="not-checked">([^]*?)<\/p>/.exec(body)?.[1].replace(/<[^>]+>/g, '') ??
      'no line';
    const asKnownPage = await api.get<string>('/panel/audit/drift?asAt=2025-03-31', { token: auditor });
    const livePage = await api.get<string>('/panel/drift?asAt=2025-03-31', { token: auditor });
    expect(asKnownPage.status).toBe(200);
    expect(livePage.status).toBe(200);
    expect(notChecked(asKnownPage.body)).toBe(
      'Not checked: DR14 Statutory visit due (not yet switched on: the authority has not set the day it starts recording visits). No flag for these is not a sign of compliance.',
    );
    expect(notChecked(asKnownPage.body)).toBe(notChecked(livePage.body));
  });

  it("Given the year end as known then, When an auditor downloads it as CSV from the page's link, Then it has the live CSV's columns (social_worker_name, then days_open, last), a line per flag and warning, each name today's for the worker allocated then; the download is in the trail, a bad date a 400 and no file", async () => {
    const page = await api.get<string>('/panel/audit/drift?asAt=2025-03-31', { token: auditor });
    const href = /id="as-known-csv" href="([^"]+)"/.exec(page.body)?.[1].replace(/&amp;/g, '&') ?? '';
    expect(href).toBe('/panel/audit/drift.csv?asAt=2025-03-31&knownAt=2025-03-31T22%3A59%3A59.999Z');
    const report = (await asKnown(`asAt=2025-03-31&${WHOLE}`)).body;
    let csv: { status: number; body: string; headers: Headers } | undefined;
    const entries = await trailEntriesAfter(api, auditor, async () => {
      csv = await api.get<string>(`${href}&reason=annual%20audit`, { token: auditor });
    });
    expect(csv?.status).toBe(200);
    expect(csv?.headers.get('content-type')).toContain('text/csv');
    expect(csv?.headers.get('content-disposition')).toContain(
      'drift-as-known-2025-03-31-at-2025-03-31T22-59-59.999Z.csv',
    );
    const [header, ...lines] = (csv?.body ?? '').trim().split('\n');
    const live = await api.get<string>('/panel/drift.csv?asAt=2025-03-31', { token: auditor });
    expect(header).toBe(live.body.split('\n')[0]);
    expect(header.split(',').slice(-2)).toEqual(['social_worker_name', 'days_open']);
    expect(lines).toHaveLength(report.openFlags + report.dueSoon);
    const worker = header.split(',').indexOf('social_worker');
    for (const line of lines) {
      const cells = line.split(',');
      expect(cells.at(-2)).toBe(DEMO_WORKERS[cells[worker]] ?? '');
    }
    expect(lines.some((line) => line.includes(',Sam Worker (demo),'))).toBe(true);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries)
      expect(entry).toMatchObject({
        childId: '*',
        view: 'drift',
        query: expect.objectContaining({
          route: '/panel/audit/drift.csv',
          asAt: '2025-03-31',
          reason: 'annual audit',
          format: 'csv',
        }),
      });
    expect(entries.flatMap((entry) => entry.childIds ?? []).sort()).toEqual(
      report.children.map((row) => row.childId).sort(),
    );

    const bad = await api.get<string>('/panel/audit/drift.csv?asAt=2025-02-30', { token: auditor });
    expect(bad.status).toBe(400);
    expect(bad.body).not.toContain('as_at,child_id');
  });

  it('Given a bad date or instant, Then 400 names each field and its rule, and nothing is recorded', async () => {
    const entries = await trailEntriesAfter(api, auditor, async () => {
      const bad = await asKnown('asAt=2025-02-30&knownAt=yesterday');
      expect(bad.status).toBe(400);
      const errors = (bad.body as unknown as { errors: { field: string; rule: string; message: string }[] })
        .errors;
      expect(errors.map((e) => [e.field, e.rule])).toEqual(
        expect.arrayContaining([
          ['asAt', 'isCalendarDate'],
          ['knownAt', 'isInstantOrDate'],
        ]),
      );
      expect(errors.find((e) => e.field === 'knownAt')?.message).toContain('ISO-8601 instant with a zone');
      const tooEarly = await asKnown('asAt=1850-01-01');
      expect(tooEarly.status).toBe(400);
    });
    expect(entries).toEqual([]);
  });

  it('When an auditor reads a page, Then the trail records the ids shown on it (never names) with asAt and knownAt', async () => {
    let shown: AsKnownReport | undefined;
    const entries = await trailEntriesAfter(api, auditor, async () => {
      shown = (await asKnown('asAt=2025-03-31&pageSize=5&page=2&reason=annual%20audit')).body;
    });
    expect(shown?.paging).toMatchObject({ page: 2, pageSize: 5 });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      childId: '*',
      view: 'drift',
      role: 'auditor',
      readBy: 'auditor-ann',
      query: {
        route: '/audit/drift-report',
        asAt: '2025-03-31',
        knownAt: '2025-03-31T22:59:59.999Z',
        reason: 'annual audit',
        page: '2',
        pageSize: '5',
      },
      childIds: shown?.children.map((row) => row.childId),
    });
    const names = shown?.children.map((row) => row.name) ?? [];
    expect(names.length).toBe(5);
    for (const name of names) expect(JSON.stringify(entries[0])).not.toContain(name);
  });

  it('Given a panel member or a reporting job, Then 403: the report is for auditors and admins', async () => {
    expect((await asKnown('', tokenFor('panel_member'))).status).toBe(403);
    expect((await asKnown('', tokenFor('reporting_job'))).status).toBe(403);
    expect((await asKnown('', tokenFor('admin'))).status).toBe(200);
  });
});

describe("the authority drift report as known now uses the authority's configured thresholds, as the live report does", () => {
  const THRESHOLDS = '{"DR01":{"workingDays":5},"DR03":{"months":3},"dueSoonDays":60}';
  let t: TestApp;
  let api: ApiClient;
  let saved: string | undefined;

  beforeAll(async () => {
    saved = process.env.CARE_JOURNEY_DRIFT_THRESHOLDS;
    process.env.CARE_JOURNEY_DRIFT_THRESHOLDS = THRESHOLDS;
    t = await startSeededApp(60);
    api = apiClient(t.baseUrl);
  });
  afterAll(async () => {
    await t?.close();
    if (saved === undefined) delete process.env.CARE_JOURNEY_DRIFT_THRESHOLDS;
    else process.env.CARE_JOURNEY_DRIFT_THRESHOLDS = saved;
  });

  it('Given CARE_JOURNEY_DRIFT_THRESHOLDS, When replayed as known now, Then it equals the live report with those thresholds', async () => {
    const now = new Date().toISOString();
    for (const asAt of ['2025-03-31', todayInEngland()]) {
      const live = await api.get<DriftReport>(`/drift-report?asAt=${asAt}&${WHOLE}`, { token: auditor });
      const replayed = await api.get<AsKnownReport>(
        `/audit/drift-report?asAt=${asAt}&knownAt=${now}&${WHOLE}`,
        {
          token: auditor,
        },
      );
      expect(replayed.body.dueWithinDays).toBe(60);
      expect(comparable(replayed.body)).toEqual(comparable(live.body));
      // Judged with this build's rules and the thresholds configured now, and it says so.
      expect(replayed.body.judgedWith).toMatchObject({
        rules: 'this build',
        thresholds: { dueSoonDays: 60 },
      });
      expect(replayed.body.judgedWith.ruleIds).toEqual(DRIFT_RULES.map((rule) => rule.id));
    }
  });
});
