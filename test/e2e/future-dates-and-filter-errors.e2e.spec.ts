import type { Role } from '@care-journey/access';
import { dateInEngland } from '../../libs/journey/src';
import { apiClient, type ApiClient } from './support/http-client';
import { newChild } from './support/journey-setup';
import { onOneDay } from './support/one-day';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

type ErrorBody = { errors?: { field: string; rule: string; message: string }[] };

/** A year that has not ended, whenever this runs (inside the supported years). */
const FUTURE_YEAR_END = '2099-03-31';
const FUTURE_DAY = '2099-01-01';

/**
 * Web review #2, #7, #8 and #9 on the real app: a year (or date) not ended is refused by name on the
 * measures routes and pages; a drift report for a future date is answered as a projection and says
 * so on every surface; a replay before the registration names the child; filter errors are tied to
 * their inputs.
 */
describe('future dates, replay before registration, and filter errors on the real app', () => {
  let t: TestApp;
  let api: ApiClient;
  let childId: string;
  const as = (role: Role) => ({ token: tokenFor(role, `${role}-u`) });
  const today = () => dateInEngland(new Date().toISOString());

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    childId = await newChild(api); // registered as known from 2023-02-01, "Sam Taylor"
  });
  afterAll(() => t.close());

  it.each([
    [`/stability?yearEnding=${FUTURE_YEAR_END}`, 'yearEnding'],
    [`/stability?asAt=${FUTURE_DAY}`, 'asAt'],
    [`/scorecard?periodEnding=${FUTURE_YEAR_END}`, 'periodEnding'],
    [`/permanence?from=2024-04-01&to=${FUTURE_DAY}`, 'to'],
    [`/measures/as-at?date=${FUTURE_DAY}`, 'date'],
    [`/measures/looked-after/children?from=2024-04&to=${FUTURE_DAY}`, 'to'],
    ['/measures/three-plus-placements/children?from=2024-04&to=2099-01&format=csv', 'to'],
    ['/measures?from=2099-04&to=2100-03', 'from'],
  ])('the API refuses %s: 400 naming %s and the rule notAfterToday', async (path, field) => {
    // The message's "today" is the API's: read on one day with this one's (not across midnight).
    await onOneDay(async (day) => {
      const answer = await api.get<ErrorBody>(path, as('auditor'));
      expect(answer.status).toBe(400);
      expect(answer.body.errors).toEqual([
        {
          field,
          rule: 'notAfterToday',
          message: expect.stringMatching(
            new RegExp(`^${field} must not be after today \\(${day}, in England\\)`),
          ),
        },
      ]);
    });
  });

  it('the API still answers a year that has ended', async () => {
    expect((await api.get('/stability?yearEnding=2025-03-31', as('auditor'))).status).toBe(200);
    expect((await api.get('/scorecard?periodEnding=2025-03-31', as('auditor'))).status).toBe(200);
  });

  it('the authority measures still answer today, a window to today, and a month given as `to` by its last day', async () => {
    const now = today();
    expect((await api.get(`/measures/as-at?date=${now}`, as('auditor'))).status).toBe(200);
    expect(
      (await api.get(`/measures/looked-after/children?from=2024-04&to=${now}`, as('auditor'))).status,
    ).toBe(200);
    expect(
      (await api.get('/measures/looked-after/children?from=2024-04&to=2025-03', as('auditor'))).status,
    ).toBe(200);
    // The running month as `to` ends after today: refused, its last day named.
    const running = await api.get<ErrorBody>(
      `/measures/looked-after/children?from=2024-04&to=${now.slice(0, 7)}`,
      as('auditor'),
    );
    const lastDay = new Date(Date.UTC(Number(now.slice(0, 4)), Number(now.slice(5, 7)), 0))
      .toISOString()
      .slice(0, 10);
    if (lastDay > now) {
      expect(running.status).toBe(400);
      expect(running.body.errors?.[0]?.message).toContain(`the figures to ${lastDay} are not known`);
    } else expect(running.status).toBe(200);
  });

  it('the monthly series leaves out months that have not ended', async () => {
    const now = today();
    const answer = await api.get<{ rows: { month: string; to: string }[] }>(
      `/measures?from=${Number(now.slice(0, 4)) - 1}-01&to=${Number(now.slice(0, 4)) + 1}-12`,
      as('auditor'),
    );
    expect(answer.status).toBe(200);
    expect(answer.body.rows.length).toBeGreaterThan(0);
    for (const row of answer.body.rows) expect(row.to <= now).toBe(true);
  });

  it.each(['/panel/measures', '/panel/measures/ST1', '/panel/measures/A1'])(
    'the page %s refuses a year not ended against its field, tied to the input, and shows the last year ended',
    async (path) => {
      const page = await api.get<string>(`${path}?yearEnding=${FUTURE_YEAR_END}`, as('panel_member'));
      expect(page.status).toBe(200);
      expect(page.body).toContain('<a href="#yearEnding">Year ending must not be after today');
      expect(page.body).toContain('the year to 31 March 2099 has not ended yet');
      expect(page.body).toMatch(
        /<input class="govuk-input govuk-input--width-10 govuk-input--error" id="yearEnding"[^>]*aria-describedby="yearEnding-hint yearEnding-error"/,
      );
      expect(page.body).toContain('<p id="yearEnding-error" class="govuk-error-message">');
      expect(page.body).not.toContain('31 March 2099</');
    },
  );

  it('a measures page with a bad year ending ties the error to the input (it only had the hint)', async () => {
    const page = await api.get<string>('/panel/measures?yearEnding=2026-04-01&years=x', as('panel_member'));
    expect(page.body).toMatch(/id="yearEnding"[^>]*aria-describedby="yearEnding-hint yearEnding-error"/);
    expect(page.body).toMatch(
      /class="govuk-input govuk-input--width-3 govuk-input--error" id="years"[^>]*aria-describedby="years-error"/,
    );
  });

  it('the drift report for a future date is a projection, and says so on the page, the CSV and the API', async () => {
    const page = await api.get<string>(`/panel/drift?asAt=${FUTURE_DAY}`, as('panel_member'));
    expect(page.status).toBe(200);
    expect(page.body).toContain('id="projection-notice"');
    expect(page.body).toContain('This is a projection. 1 January 2099 is after today');
    expect(page.body).toContain('if nothing else is recorded');
    expect(page.body).toMatch(/id="report-summary">Projected as at 1 January 2099:/);

    const csv = await api.get<string>(`/panel/drift.csv?asAt=${FUTURE_DAY}`, as('panel_member'));
    expect(csv.headers.get('content-disposition')).toBe(
      `attachment; filename="drift-report-projection-${FUTURE_DAY}.csv"`,
    );

    await onOneDay(async (day) => {
      const json = await api.get<{ asAt: string; projection?: { from: string } }>(
        `/drift-report?asAt=${FUTURE_DAY}`,
        as('auditor'),
      );
      expect(json.status).toBe(200);
      expect(json.body.projection).toEqual({
        from: day,
        assumes: expect.stringContaining('nothing else is recorded'),
      });
    });
    const apiCsv = await api.get<string>(`/drift-report?asAt=${FUTURE_DAY}`, {
      ...as('auditor'),
      headers: { accept: 'text/csv' },
    });
    expect(apiCsv.headers.get('content-disposition')).toContain(`drift-projection-${FUTURE_DAY}.csv`);
  });

  it('the drift report for a past date is not a projection', async () => {
    const page = await api.get<string>('/panel/drift?asAt=2025-03-31', as('panel_member'));
    expect(page.body).not.toContain('projection-notice');
    expect(page.body).toMatch(/id="report-summary">As at 31 March 2025:/);
    const json = await api.get<Record<string, unknown>>('/drift-report?asAt=2025-03-31', as('auditor'));
    expect(json.body).not.toHaveProperty('projection');
  });

  it('the drift report for a past date says it is as recorded now, not as known then, on the page, the CSVs and the API (review s15-iro F5)', async () => {
    const page = await api.get<string>('/panel/drift?asAt=2025-03-31', as('panel_member'));
    expect(page.body).toContain('id="as-recorded-notice"');
    expect(page.body).toContain(
      `As recorded now, not as known then. This report for 31 March 2025 counts everything recorded up to today`,
    );
    // "Up to today": the API's today, read on one day with this one's (not across midnight).
    await onOneDay(async (day) => {
      const csv = await api.get<string>('/panel/drift.csv?asAt=2025-03-31', as('panel_member'));
      expect(csv.headers.get('content-disposition')).toBe(
        `attachment; filename="drift-report-2025-03-31-as-recorded-${day}.csv"`,
      );
      const json = await api.get<{ asRecorded?: unknown }>('/drift-report?asAt=2025-03-31', as('auditor'));
      expect(json.body.asRecorded).toEqual({
        recordedUpTo: day,
        includes: expect.stringContaining('entries recorded after 2025-03-31'),
        asKnownThen: expect.stringContaining('/audit/drift-report?knownAt='),
      });
      const apiCsv = await api.get<string>('/drift-report?asAt=2025-03-31', {
        ...as('auditor'),
        headers: { accept: 'text/csv' },
      });
      expect(apiCsv.headers.get('content-disposition')).toContain(`drift-2025-03-31-as-recorded-${day}.csv`);
    });
    const current = await api.get<Record<string, unknown>>('/drift-report', as('auditor'));
    expect(current.body).not.toHaveProperty('asRecorded');
  });

  it.each([
    ['asAt=2026-02-30', 'asAt', 'asAt-hint asAt-error', 'As at date must be a real date'],
    ['minDaysOverdue=abc', 'minDaysOverdue', 'minDaysOverdue-error', 'Days overdue must be a whole number'],
    ['dueWithinDays=abc', 'dueWithinDays', 'dueWithinDays-error', 'Due within must be a whole number'],
    ['rule=DR99', 'rule', 'rule-error', 'Rule must be one of'],
  ])('the drift filter error for %s is tied to its input', async (search, id, describedBy, message) => {
    const page = await api.get<string>(`/panel/drift?${search}`, as('panel_member'));
    expect(page.body).toContain(`<a href="#${id}">${message}`);
    expect(page.body).toMatch(new RegExp(`id="${id}" name="${id}"[^>]*aria-describedby="${describedBy}"`));
    expect(page.body).toContain(`<p id="${id}-error" class="govuk-error-message">`);
  });

  it('a replay before the registration names the child and says they were not yet known', async () => {
    const page = await api.get<string>(`/panel/children/${childId}?asAt=2023-01-31`, as('panel_member'));
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h1 class="govuk-heading-l">Sam Taylor</h1>');
    expect(page.body).toContain(
      'Not yet known to the authority on 31 January 2023: the child became known on 1 February 2023.',
    );

    const job = await api.get<string>(`/panel/children/${childId}?asAt=2023-01-31`, as('reporting_job'));
    expect(job.body).not.toContain('Sam Taylor');
    expect(job.body).toContain('The reference shown is from today');
  });

  it('"as known at" a date is shown as the end of that day in England, BST aware', async () => {
    const page = await api.get<string>(`/panel/children/${childId}?knownAt=2025-07-01`, as('panel_member'));
    expect(page.body).toContain('as known at 1 July 2025 at 23:59:59 BST');
    expect(page.body).not.toContain('22:59:59 UTC');
  });
});
