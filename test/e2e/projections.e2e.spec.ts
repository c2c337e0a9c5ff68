/**
 * The projection reports over real HTTP: /drift (and its older name /drift-report) with the
 * issue's dueWithin, paging with totals, and CSV for `Accept: text/csv` on every report — with
 * no names for reporting jobs, in CSV as in JSON.
 */
import { apiClient, type ApiClient } from './support/http-client';
import { registerBody, startCareBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

const CSV = { accept: 'text/csv' };
const NAMES = ['Ada Lovelace', 'Ben Okri', 'Cy Twombly'];

describe('projection reports: /drift, paging and CSV (real HTTP app on a SQLite file)', () => {
  let t: TestApp;
  let api: ApiClient;
  const ids: string[] = [];
  let lastPosition = '0';
  const social = tokenFor('social_worker', 'alice');
  const panel = { token: tokenFor('panel_member') };
  const job = { token: tokenFor('reporting_job') };

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    // Three children in care from 6 Feb 2023, none reviewed: each has DR01 open by June 2023.
    for (const [i, name] of NAMES.entries()) {
      const body = registerBody({
        childRef: `LA-PRJ-${i + 1}`,
        name,
        upn: `A12345678901${i}`,
        team: i < 2 ? 'Children in Care North' : 'Children in Care South',
      });
      const registered = await api.post<{ childId: string }>('/children', body, { token: social });
      expect(registered.status).toBe(201);
      ids.push(registered.body.childId);
      const started = await api.post<{ globalPosition: string }>(
        `/children/${registered.body.childId}/periods-of-care`,
        startCareBody,
        { token: social },
      );
      expect(started.status).toBe(201);
      lastPosition = started.body.globalPosition;
    }
  }, 60_000);
  afterAll(() => t.close());

  const q = (query: string) => `${query}&minPosition=${lastPosition}`;

  it("/drift answers what /drift-report answers, and takes the issue's dueWithin", async () => {
    const drift = await api.get(
      q('/drift?asAt=2023-06-01&rule=DR01&team=Children%20in%20Care%20North&dueWithin=10'),
      panel,
    );
    const old = await api.get(
      q('/drift-report?asAt=2023-06-01&rule=DR01&team=Children%20in%20Care%20North&dueWithinDays=10'),
      panel,
    );
    expect(drift.status).toBe(200);
    // The same report; only where the read models were differs (the first read's trail entry is between).
    const { readModels: _first, ...report } = drift.body;
    const { readModels: _second, ...oldReport } = old.body;
    expect(report).toEqual(oldReport);
    expect(_first).toMatchObject({ complete: true });
    expect(drift.body).toMatchObject({ asAt: '2023-06-01', dueWithinDays: 10, openFlags: 2 });
    expect(drift.body.paging).toEqual({ page: 1, pageSize: 100, total: 2, pages: 1 });
  });

  it('refuses a bad dueWithin, naming the field, and dueWithin that disagrees with dueWithinDays', async () => {
    const tooFar = await api.get<{ errors: { field: string }[] }>('/drift?dueWithin=400', panel);
    expect(tooFar.status).toBe(400);
    expect(tooFar.body.errors[0]).toMatchObject({ field: 'dueWithin' });
    const both = await api.get<{ errors: { field: string; rule: string }[] }>(
      '/drift?dueWithin=3&dueWithinDays=4',
      panel,
    );
    expect(both.status).toBe(400);
    expect(both.body.errors[0]).toMatchObject({ field: 'dueWithin', rule: 'notWithDueWithinDays' });
  });

  it('pages the children with totals; counts stay over every child', async () => {
    type Report = { openFlags: number; children: { childId: string }[]; paging: Record<string, number> };
    const first = await api.get<Report>(q('/drift?asAt=2023-06-01&pageSize=2'), panel);
    const second = await api.get<Report>(q('/drift?asAt=2023-06-01&pageSize=2&page=2'), panel);
    expect(first.body.paging).toEqual({ page: 1, pageSize: 2, total: 3, pages: 2 });
    expect(second.body.paging).toEqual({ page: 2, pageSize: 2, total: 3, pages: 2 });
    expect(first.body.openFlags).toBe(3);
    const seen = [...first.body.children, ...second.body.children].map((c) => c.childId).sort();
    expect(seen).toEqual([...ids].sort());
    for (const bad of ['pageSize=0', 'pageSize=1001', 'page=0', 'page=x']) {
      const response = await api.get<{ errors: { field: string }[] }>(`/drift?${bad}`, panel);
      expect(response.status).toBe(400);
      expect(response.body.errors[0].field).toBe(bad.split('=')[0]);
    }
  });

  it('gives CSV for Accept: text/csv, every child (not paged), names only for roles that may read them', async () => {
    const forPanel = await api.get<string>(q('/drift?asAt=2023-06-01&pageSize=1'), {
      ...panel,
      headers: CSV,
    });
    expect(forPanel.status).toBe(200);
    expect(forPanel.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = forPanel.body.trim().split('\n');
    expect(lines[0]).toMatch(/^as_at,child_id,child_ref,name,team/);
    // pageSize is ignored for CSV: 3 children × (DR01 overdue + DR04 due in 5 days).
    expect(lines.filter((line) => line.includes(',DR01,First review overdue,overdue,'))).toHaveLength(3);
    expect(lines.filter((line) => line.includes(',due_soon,'))).toHaveLength(3);
    for (const name of NAMES) expect(forPanel.body).toContain(name);

    const forJob = await api.get<string>(q('/drift?asAt=2023-06-01'), { ...job, headers: CSV });
    expect(forJob.status).toBe(200);
    expect(forJob.body.split('\n')[0]).not.toMatch(/\bname\b/);
    for (const name of NAMES) expect(forJob.body).not.toContain(name);
    expect(forJob.body).toContain('LA-PRJ-1');
  });

  it("gives a child's flags as CSV: one line per flag, warning and history entry", async () => {
    const response = await api.get<string>(q(`/children/${ids[0]}/flags?asAt=2023-06-01`), {
      token: social,
      headers: CSV,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="flags-LA-PRJ-1-2023-06-01.csv"/,
    );
    const lines = response.body.trim().split('\n');
    expect(lines[0]).toBe(
      'as_at,child_id,child_ref,kind,rule,title,key,due_date,days_overdue,days_until_due,opened_on,closed_on,closed_by,rule_kind,days_open,recorded_on,corrected_on',
    );
    // rule_kind, days_open (empty for a step), recorded_on and corrected_on (only on a shown_until_recorded line).
    expect(lines.some((line) => line.includes(',overdue,DR01,') && line.endsWith(',step,,,'))).toBe(true);
    expect(lines.some((line) => line.includes(',history,DR01,'))).toBe(true);
  });

  it('stability: the running figure at any date (asAt), or the year to a 31 March; exactly one of them', async () => {
    type Stability = {
      asAt?: string;
      measures: {
        measure: string;
        yearEnding: string;
        denominator: number;
        children: unknown[];
        paging: Record<string, number>;
      }[];
    };
    const running = await api.get<Stability>(q('/stability?asAt=2023-06-30&pageSize=2'), job);
    expect(running.status).toBe(200);
    expect(running.body.asAt).toBe('2023-06-30');
    const [st1] = running.body.measures;
    expect(st1).toMatchObject({ measure: 'ST1', yearEnding: '2023-06-30', denominator: 3 });
    expect(st1.children).toHaveLength(2);
    expect(st1.paging).toEqual({ page: 1, pageSize: 2, total: 3, pages: 2 });
    expect(JSON.stringify(running.body)).not.toContain(NAMES[0]);

    expect((await api.get(q('/stability?yearEnding=2023-03-31'), job)).status).toBe(200);
    for (const bad of ['', 'yearEnding=2023-03-31&asAt=2023-06-30', 'asAt=2023-02-30']) {
      expect((await api.get(`/stability?${bad}`, job)).status).toBe(400);
    }

    const csv = await api.get<string>(q('/stability?asAt=2023-06-30'), { ...job, headers: CSV });
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.body.split('\n')[0]).toBe(
      'year_ending,measure,title,numerator,denominator,percentage,child_id,child_ref,counted,placements,period_start,placement_starts,current_placement_since,combined_since',
    );
    expect(csv.body).toContain('2023-06-30,ST1,3 or more placements during the year,0,3,0,');
    for (const name of NAMES) expect(csv.body).not.toContain(name);
  });

  it('permanence and scorecard: paged JSON with totals, CSV headers', async () => {
    const permanence = await api.get<{ paging: Record<string, number> }>(
      q('/permanence?from=2023-01-01&to=2023-12-31&pageSize=5'),
      panel,
    );
    expect(permanence.status).toBe(200);
    expect(permanence.body.paging).toMatchObject({ page: 1, pageSize: 5, total: 0 });
    const permanenceCsv = await api.get<string>(q('/permanence?from=2023-01-01&to=2023-12-31'), {
      ...panel,
      headers: CSV,
    });
    expect(permanenceCsv.body.trim()).toBe(
      'from,to,child_id,child_ref,name,milestone,period_start,date,days',
    );

    const card = await api.get<{ paging: Record<string, number> }>(
      q('/scorecard?periodEnding=2024-03-31'),
      job,
    );
    expect(card.status).toBe(200);
    expect(card.body.paging).toMatchObject({ page: 1, total: 0 });
    const cardCsv = await api.get<string>(q('/scorecard?periodEnding=2024-03-31'), { ...job, headers: CSV });
    expect(cardCsv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(cardCsv.body.startsWith('period_start,period_ending,child_id,child_ref,entered_care')).toBe(true);
  });

  // Last: it records a review, which the reports above do not expect.
  it('a report asked again after a step is recorded shows the step: a kept report is not served (#9)', async () => {
    type Report = { openFlags: number; children: { childId: string }[] };
    const path = '/drift?asAt=2023-06-01&rule=DR01';
    const before = await api.get<Report>(q(path), panel);
    expect(before.body.openFlags).toBe(3);
    expect((await api.get<Report>(q(path), panel)).body.openFlags).toBe(3);
    // A first review 10 working days into care: DR01 closes for that child.
    const reviewed = await api.post<{ globalPosition: string }>(
      `/children/${ids[0]}/reviews`,
      { effectiveDate: '2023-02-20', participation: 'PN0' },
      { token: social },
    );
    expect(reviewed.status).toBe(201);
    const after = await api.get<Report>(`${path}&minPosition=${reviewed.body.globalPosition}`, panel);
    expect(after.body.openFlags).toBe(2);
    expect(after.body.children.map((row) => row.childId)).not.toContain(ids[0]);
  });
});
