/**
 * DR05 (3+ placements in the 12 months up to D) is a standing condition, not a step (web review #4):
 * the panel's pages say "Open 8 days, from" the day the third placement began, with no due date
 * and no "overdue", the same 8 days as the API, the CSVs and the feed's due date; a flag closed by the 12-month window moving on reads "condition ended", never "step
 * taken"; the API's history and the feed close it as no_longer_applies; the CSVs mark the rule a
 * condition. Real HTTP app on a SQLite file.
 */
import { apiClient, type ApiClient } from './support/http-client';
import { moveBody, registerBody, startCareBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

interface HistoryEntry {
  ruleId: string;
  openedOn: string;
  closedOn?: string;
  closedBy?: string;
}

describe('DR05 worded as a standing condition (real HTTP app on a SQLite file)', () => {
  let t: TestApp;
  let api: ApiClient;
  let childId = '';
  let position = '';
  const social = tokenFor('social_worker', 'alice');
  const panel = tokenFor('panel_member', 'panel-dr05');
  const job = tokenFor('reporting_job');

  const page = async (path: string): Promise<string> => {
    const response = await fetch(`${t.baseUrl}${path}`, { headers: { authorization: `Bearer ${panel}` } });
    expect(response.status).toBe(200);
    return response.text();
  };
  /** The page's text between two markers, tags dropped and spaces folded. */
  const textOf = (html: string, from: string, to: string): string => {
    const start = html.indexOf(from);
    const end = html.indexOf(to, start + from.length);
    return html
      .slice(start, end < 0 ? undefined : end)
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ');
  };

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    const registered = await api.post<{ childId: string }>(
      '/children',
      registerBody({ childRef: 'LA-DR05-1', effectiveDate: '2023-12-01' }),
      { token: social },
    );
    expect(registered.status).toBe(201);
    childId = registered.body.childId;
    // Carers from 1 Jan, 1 May and 1 Sep 2024: the third placement begins on 1 September 2024.
    for (const [path, body] of [
      ['periods-of-care', { ...startCareBody, effectiveDate: '2024-01-01' }],
      ['placement-changes', moveBody('2024-05-01', 'U4', 'PR1', 'LS2 7AB')],
      ['placement-changes', moveBody('2024-09-01', 'U4', 'PR1', 'LS8 1AA')],
    ] as const) {
      const response = await api.post<{ globalPosition: string }>(`/children/${childId}/${path}`, body, {
        token: social,
      });
      expect(response.status).toBe(201);
      position = response.body.globalPosition;
    }
    const caughtUp = await api.get(`/drift-report?minPosition=${position}`, { token: job });
    expect(caughtUp.status).toBe(200);
  }, 60_000);
  afterAll(() => t?.close());

  it('Given the third placement on 1 September 2024, When the child page is read as at 8 September, Then DR05 shows "Open 8 days, from 1 September 2024" with no due date and no "overdue"', async () => {
    const html = await page(`/panel/children/${childId}?asAt=2024-09-08`);
    const row = textOf(html, 'id="flag-DR05-', '</tr>');
    expect(row).toContain('DR05 Placement instability');
    expect(row).toContain('Open 8 days, from 1 September 2024');
    expect(row).toContain('None: a standing condition');
    expect(row).not.toMatch(/overdue|31 August 2024/i);
  });

  it('Given the window has moved past the first placement (closed 30 April 2025), When the child page is read as at 1 June 2025, Then the closed flag reads "condition ended", not "step taken"', async () => {
    const html = await page(`/panel/children/${childId}?asAt=2025-06-01`);
    const closed = textOf(html, 'Flags closed earlier', '</details>');
    expect(closed).toContain(
      'DR05 Placement instability: open 1 September 2024 to 30 April 2025, condition ended: fewer than 3 placements in the 12 months',
    );
    expect(closed).not.toContain('step taken');
  });

  it('Given the same child, When the drift report page is read as at 8 September 2024, Then its DR05 line says "Open 8 days, from" the day it began, with no due date, and its "Most days overdue" cell is empty: a condition is not overdue (review s16-ofsted F3)', async () => {
    const html = await page(`/panel/drift?asAt=2024-09-08&rule=DR05`);
    const row = textOf(html, `data-child="${childId}"`, '</tr>');
    expect(row).toContain('Open 8 days, from 1 September 2024 DR05 Placement instability');
    expect(row).not.toMatch(/Overdue|due 31 August/);
    expect(row.trim().endsWith(' –')).toBe(true);
  });

  it("Given the same child as at 8 September 2024, Then every surface gives DR05 the one figure, 8 days (the day it began included; D minus the due date, as every rule): the API, the drift CSV and the flags CSV (as days_open, status open, review s16-ofsted F3), and the feed's due date", async () => {
    const flags = await api.get<{
      flags: { ruleId: string; dueDate: string; openedOn: string; daysOverdue: number }[];
    }>(`/children/${childId}/flags?asAt=2024-09-08`, { token: panel });
    expect(flags.body.flags.filter((f) => f.ruleId === 'DR05')).toEqual([
      expect.objectContaining({ dueDate: '2024-08-31', openedOn: '2024-09-01', daysOverdue: 8 }),
    ]);
    const report = await api.get<{
      children: { childId: string; flags: { ruleId: string; daysOverdue: number }[] }[];
    }>('/drift-report?asAt=2024-09-08&rule=DR05', { token: panel });
    const ours = report.body.children.find((row) => row.childId === childId);
    expect(ours?.flags.map((f) => [f.ruleId, f.daysOverdue])).toEqual([['DR05', 8]]);

    const cellOf = (csv: string, column: string, marker: string): string => {
      const [header, ...lines] = csv.trim().split('\n');
      const line = lines.find((l) => l.includes(marker)) ?? '';
      return line.split(',')[header.split(',').indexOf(column)];
    };
    const driftCsv = await page(`/panel/drift.csv?asAt=2024-09-08&rule=DR05`);
    expect(cellOf(driftCsv, 'days_open', childId)).toBe('8');
    expect(cellOf(driftCsv, 'days_overdue', childId)).toBe('');
    expect(cellOf(driftCsv, 'status', childId)).toBe('open');
    const flagsCsv = await api.get<string>(`/children/${childId}/flags?asAt=2024-09-08`, {
      token: panel,
      headers: { accept: 'text/csv' },
    });
    expect(cellOf(flagsCsv.body, 'days_open', ',open,DR05,')).toBe('8');
    expect(cellOf(flagsCsv.body, 'days_overdue', ',open,DR05,')).toBe('');

    // The feed carries the dates: 8 September minus its due date (31 August) is the same 8.
    const feed = await api.get<string>(`/feed?after=0&minPosition=${position}`, { token: job });
    const opened = (typeof feed.body === 'string' ? feed.body : JSON.stringify(feed.body))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { childId?: string; kind?: string; data?: Record<string, unknown> })
      .filter(
        (line) => line.childId === childId && line.kind === 'flag.opened' && line.data?.ruleId === 'DR05',
      );
    expect(opened.map((line) => [line.data?.dueDate, line.data?.openedOn])).toEqual([
      ['2024-08-31', '2024-09-01'],
    ]);
  });

  it('Given the same child, When the drift CSV and the flags CSV are read, Then the DR05 lines carry rule_kind "condition"', async () => {
    const drift = await page(`/panel/drift.csv?asAt=2024-09-08&rule=DR05`);
    const [header, ...lines] = drift.trim().split('\n');
    // rule_kind keeps its place; evidence, threshold and evidence_ids came after it (session 10), then
    // social_worker_name for a role that sees names (session 15, review s15-iro F6), then days_open
    // (session 16, review s16-ofsted F3).
    expect(
      header.endsWith(',opened_on,rule_kind,evidence,threshold,evidence_ids,social_worker_name,days_open'),
    ).toBe(true);
    expect(lines.find((line) => line.includes(childId))).toMatch(/,DR05,.*,2024-09-01,condition,/);
    const flags = await api.get<string>(`/children/${childId}/flags?asAt=2025-06-01`, {
      token: panel,
      headers: { accept: 'text/csv' },
    });
    expect(flags.status).toBe(200);
    // days_open, then recorded_on and corrected_on (session 17: only on a shown_until_recorded line, empty here).
    expect(flags.body.split('\n').find((line) => line.includes(',history,DR05,'))).toMatch(
      /,2025-04-30,no_longer_applies,condition,\d+,,$/,
    );
  });

  it('Given the same child, When the flag history and the change feed are read, Then the window closing DR05 is no_longer_applies (no step was taken)', async () => {
    const history = await api.get<{ history: HistoryEntry[] }>(`/children/${childId}/flags?asAt=2025-06-01`, {
      token: panel,
    });
    expect(history.status).toBe(200);
    expect(history.body.history.filter((h) => h.ruleId === 'DR05')).toEqual([
      expect.objectContaining({
        openedOn: '2024-09-01',
        closedOn: '2025-04-30',
        closedBy: 'no_longer_applies',
      }),
    ]);
    const feed = await api.get<string>(`/feed?after=0&minPosition=${position}`, { token: job });
    expect(feed.status).toBe(200);
    const closed = (typeof feed.body === 'string' ? feed.body : JSON.stringify(feed.body))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { childId?: string; kind?: string; data?: Record<string, unknown> })
      .filter(
        (line) => line.childId === childId && line.kind === 'flag.closed' && line.data?.ruleId === 'DR05',
      );
    expect(closed).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ closedOn: '2025-04-30', reason: 'no_longer_applies' }),
      }),
    ]);
  });
});
