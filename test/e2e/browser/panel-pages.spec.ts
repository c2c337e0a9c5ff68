import type { Page } from 'playwright-core';
import { addDays, dateOfInstant } from '@care-journey/journey';
import { useBrowserApp } from './support/browser-app';
import { describeInBrowser, screenshot, artifact } from './support/chromium';
import { startSeededApp } from './support/seeded-app';
import { signIn } from './support/sign-in';

jest.setTimeout(180_000);

/** A move to another carer (U6 with PR1), filled in on the open placement-change form. */
async function fillPlacementChange(page: Page, date: string): Promise<void> {
  await page.getByLabel('Date of the move').fill(date);
  await page.getByLabel('Placement type').selectOption('U6');
  await page.getByLabel('Placement provider').selectOption('PR1');
  await page.getByLabel('Reason for the change').selectOption('CARPL');
  await page.locator('input[name="sameCarer"][value="false"]').check();
}

/** The synthetic authority's history ends here. */
const YEAR_END = '2025-03-31';

describeInBrowser('permanency panel pages in a real browser', () => {
  const app = useBrowserApp(() => startSeededApp(200));
  let page: Page;

  beforeEach(async () => {
    page = await app.newPage({ viewport: { width: 1280, height: 900 } });
  });

  it('sends a signed-out visitor to the login page, and refuses a wrong password', async () => {
    await page.goto(`${app.baseUrl}/panel/drift`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('Username').fill('panel.demo');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'Enter a correct username and password',
    );
    await screenshot(page, '01-login-error');
  });

  it('drift report: opens, filters by rule, sorts, links to the child, replays as at an earlier date', async () => {
    await signIn(page, app.baseUrl, 'panel.demo', `/panel/drift?asAt=${YEAR_END}`);
    await expect(page.locator('h1').textContent()).resolves.toContain('Drift report');
    const rows = page.locator('#drift-table tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    await screenshot(page, '02-drift-report');

    // Filter to the rule with the most open flags, through the form as a keyboard user would.
    const counts = await page.locator('#by-rule tbody tr').evaluateAll((trs) =>
      trs.map((tr) => ({
        rule: tr.querySelector('th')?.textContent?.trim().slice(0, 4) ?? '',
        open: Number(tr.querySelectorAll('td')[0]?.textContent),
      })),
    );
    // Each rule says what it asks for, with its threshold.
    await expect(page.locator('#by-rule').textContent()).resolves.toContain('20 working days');
    const busiest = counts.sort((a, b) => b.open - a.open)[0];
    expect(busiest.open).toBeGreaterThan(0);
    await page.getByLabel('Rule', { exact: true }).selectOption(busiest.rule);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/rule=/);
    const ruleCells = await page.locator('#drift-table .cj-flag__rule').allTextContents();
    expect(new Set(ruleCells)).toEqual(new Set([busiest.rule]));
    await screenshot(page, '03-drift-filtered');

    // Sort by child A–Z: aria-sort says so.
    await page.getByRole('link', { name: /^Child/ }).click();
    await expect(page.locator('th[aria-sort="ascending"]').textContent()).resolves.toContain('Child');

    // Open the first child.
    const firstChild = page.locator('#drift-table tbody tr').first().locator('td').first().getByRole('link');
    const childName = (await firstChild.textContent())?.trim() ?? '';
    await Promise.all([page.waitForURL(/\/panel\/children\//), firstChild.click()]);
    await expect(page.locator('h1').textContent()).resolves.toContain(childName);
    expect(await page.locator('#timeline').count()).toBe(1);
    expect(await page.locator('#flags-table').textContent()).toContain(busiest.rule);
    await screenshot(page, '04-child-journey');

    // Replay a year earlier: fewer entries, and the caption says it is a replay.
    const entriesNow = await page.locator('#entries-table tbody tr').count();
    await page.getByLabel('As at', { exact: true }).fill(addDays(YEAR_END, -365));
    await page.getByRole('button', { name: 'Replay' }).click();
    await page.waitForURL(/asAt=2024-03-31/);
    await expect(page.locator('.govuk-caption-l').textContent()).resolves.toContain('replay');
    expect(await page.locator('#entries-table tbody tr').count()).toBeLessThanOrEqual(entriesNow);
    await screenshot(page, '05-child-replay-as-at');
  });

  it('print view turns the report into a panel pack', async () => {
    await signIn(page, app.baseUrl, 'panel.demo', `/panel/drift?asAt=${YEAR_END}&all=1`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.cj-filters').isVisible()).toBe(false);
    expect(await page.locator('.govuk-service-navigation__wrapper').isVisible()).toBe(false);
    expect(await page.locator('h1 .cj-print-only').isVisible()).toBe(true);
    await screenshot(page, '06-drift-print');
  });

  it('CSV export carries one line per flag', async () => {
    await signIn(page, app.baseUrl, 'panel.demo', `/panel/drift?asAt=${YEAR_END}`);
    const summary = (await page.locator('#report-summary').textContent()) ?? '';
    const flags = Number(/([\d,]+) open flags?/.exec(summary)?.[1].replace(/,/g, ''));
    const warnings = Number(/([\d,]+) warnings?/.exec(summary)?.[1].replace(/,/g, ''));
    const csv = await page.evaluate(
      async (url) => (await fetch(url)).text(),
      `/panel/drift.csv?asAt=${YEAR_END}`,
    );
    expect(csv.trim().split('\n')).toHaveLength(1 + flags + warnings);
  });

  it('a social worker records placement changes and sees the placement-instability flag open', async () => {
    const today = dateOfInstant(new Date().toISOString());
    await signIn(page, app.baseUrl, 'sw.demo', '/panel/drift');
    // Children looked after today without a DR05 flag yet.
    const candidates = await page
      .locator('#drift-table tbody tr')
      .evaluateAll((trs) =>
        trs
          .filter((tr) => !tr.textContent?.includes('DR05'))
          .map((tr) => tr.getAttribute('data-child') ?? ''),
      );
    expect(candidates.length).toBeGreaterThan(0);
    const childId = candidates[0];
    await page.goto(`${app.baseUrl}/panel/children/${childId}`);
    const openFlags = async () =>
      ((await page.locator('#flags-table').count())
        ? await page.locator('#flags-table tbody').textContent()
        : '') ?? '';
    expect(await openFlags()).not.toContain('DR05');

    // A form sent empty shows the API's rules under the form's own labels, in the summary and beside the fields,
    // in the form's order (the carer question before the reason since session 14: frontline F7).
    await page.goto(`${app.baseUrl}/panel/children/${childId}/record/placement-change`);
    await page.getByRole('button', { name: /^Record/ }).click();
    const summary = (await page.locator('.govuk-error-summary li').allTextContents()).map((s) => s.trim());
    expect(summary).toEqual([
      'Date of the move is required',
      'Placement type is required',
      '“Is it the same carer as before?” is required',
      'Reason for the change is required',
    ]);
    expect(await page.locator('#effectiveDate-error').textContent()).toContain(
      'Date of the move is required',
    );
    expect(await page.locator('#placement-placementType-error').textContent()).toContain(
      'Placement type is required',
    );
    // A summary link takes the keyboard to its field.
    await page.locator('.govuk-error-summary a', { hasText: 'Reason for the change' }).click();
    expect(await page.locator('#reasonForChange:focus').count()).toBe(1);
    // A bad date keeps the rule's text under the label.
    await page.getByLabel('Date of the move').fill('2025-02-30');
    await page.getByRole('button', { name: /^Record/ }).click();
    expect(await page.locator('#effectiveDate-error').textContent()).toContain(
      'Date of the move must be a real calendar date, YYYY-MM-DD',
    );
    await screenshot(page, '07-record-placement-errors');

    for (const daysAgo of [20, 10]) {
      await page.goto(`${app.baseUrl}/panel/children/${childId}/record/placement-change`);
      await fillPlacementChange(page, addDays(today, -daysAgo));
      await Promise.all([
        page.waitForURL(/recorded=placement-change/),
        page.getByRole('button', { name: /^Record/ }).click(),
      ]);
    }
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      'Placement change recorded',
    );
    expect(await openFlags()).toContain('DR05 Placement instability');
    await screenshot(page, '08-child-after-placement-changes');
  });

  it('a form left open while someone else records is refused, records nothing, and can be sent again deliberately', async () => {
    const today = dateOfInstant(new Date().toISOString());
    await signIn(page, app.baseUrl, 'sw.demo', '/panel/drift');
    // The last child on the page under 16: which child ends the first page moves with the report's order
    // (session 16: DR05 no longer ranks as days overdue, DR11 flags broken-down long-term placements),
    // and a child of 16 and over may be past 18, when no new placement can start.
    const childId =
      (await page
        .locator('#drift-table tbody tr')
        .evaluateAll((trs) =>
          trs
            .filter((tr) => !tr.textContent?.includes('16 and over'))
            .map((tr) => tr.getAttribute('data-child')),
        )
        .then((ids) => ids.at(-1))) ?? '';
    expect(childId).not.toBe('');
    const movesOn = (p: Page) => p.locator('#entries-table tbody tr', { hasText: 'placement U6' }).count();
    // The seeded journey may already hold U6 placements: count the ones recorded here.
    await page.goto(`${app.baseUrl}/panel/children/${childId}`);
    const before = await movesOn(page);

    // This form is opened first, then the child changes in another tab.
    await page.goto(`${app.baseUrl}/panel/children/${childId}/record/placement-change`);
    await fillPlacementChange(page, addDays(today, -3));
    const other = await app.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await signIn(other, app.baseUrl, 'sw.demo', `/panel/children/${childId}/record/placement-change`);
      await fillPlacementChange(other, addDays(today, -6));
      await Promise.all([
        other.waitForURL(/recorded=placement-change/),
        other.getByRole('button', { name: /^Record/ }).click(),
      ]);
      expect(await movesOn(other)).toBe(before + 1);

      const [refused] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: /^Record/ }).click(),
      ]);
      expect(refused.status()).toBe(409);
      await expect(page.locator('#stale-form').textContent()).resolves.toContain('Nothing was recorded');
      expect(await page.getByLabel('Date of the move').inputValue()).toBe(addDays(today, -3));
      await screenshot(page, '10-stale-form-refused');
      await other.reload();
      expect(await movesOn(other)).toBe(before + 1);
    } finally {
      await other.close();
    }

    // Sent again after reading the warning: now against the current revision, so it is recorded.
    await Promise.all([
      page.waitForURL(/recorded=placement-change/),
      page.getByRole('button', { name: /^Record/ }).click(),
    ]);
    expect(await movesOn(page)).toBe(before + 2);
  });

  it("viewing a child's journey is in the access log an auditor reads", async () => {
    await signIn(page, app.baseUrl, 'panel.demo', `/panel/drift?asAt=${YEAR_END}`);
    const childId = (await page.locator('#drift-table tbody tr').first().getAttribute('data-child')) ?? '';
    await page.goto(`${app.baseUrl}/panel/children/${childId}?asAt=${YEAR_END}`);
    await expect(page.locator('h1').count()).resolves.toBe(1);
    await page.context().clearCookies();

    await signIn(page, app.baseUrl, 'auditor.demo');
    await page.goto(`${app.baseUrl}/audit/access-log?childId=${childId}`);
    const { entries } = JSON.parse((await page.locator('body').textContent()) ?? '{}') as {
      entries: { childId: string; role: string; view: string; query?: Record<string, string> }[];
    };
    expect(entries).toContainEqual(
      expect.objectContaining({
        childId,
        role: 'panel_member',
        view: 'history',
        query: { asAt: YEAR_END, page: 'panel' },
      }),
    );
    await screenshot(page, '11-access-log');
  });

  it("stability and permanence, and the authority's monthly series against its targets: chart.js charts, each with its table of figures", async () => {
    await signIn(page, app.baseUrl, 'panel.demo', `/panel/measures?yearEnding=${YEAR_END}&years=3`);
    // Strings run in the page (this project's TypeScript has no DOM types).
    await page.waitForFunction(
      "document.querySelectorAll('canvas[data-chart]').length >= 5 && Boolean(window.Chart)",
    );
    for (const id of [
      'stability',
      'permanence',
      'scorecard',
      'target-three-plus-placements',
      'looked-after',
    ]) {
      // chart.js sizes the canvas once it has drawn.
      await page.waitForFunction(`document.getElementById('chart-${id}').height > 100`);
      expect(await page.locator(`#${id}-table tbody tr`).count()).toBeGreaterThan(0);
    }
    await expect(page.locator('#stability-table').textContent()).resolves.toContain('Year to 2025');

    // The authority's monthly series: 36 months (April 2022 to March 2025) against the 16% ceiling.
    const monthly = page.locator('#target-three-plus-placements-table tbody tr');
    expect(await monthly.count()).toBe(36);
    await expect(monthly.first().locator('th').textContent()).resolves.toBe('Apr 2022');
    await expect(monthly.last().textContent()).resolves.toContain('at most 16%');
    const drawn = await page.evaluate(
      "(() => { const c = window.Chart.getChart('chart-target-three-plus-placements'); return c.data.datasets.map((d) => [d.label, d.data.length]); })()",
    );
    expect(drawn).toEqual([
      [expect.stringContaining('3 or more placements'), 36],
      ['Target: at most 16%', 36],
    ]);
    await screenshot(page, '09-measures');
    await page
      .locator('#target-three-plus-placements-figure')
      .screenshot({ path: artifact('12-measures-monthly-target') });
  });

  it('reporting jobs see references, never names, and get no record forms', async () => {
    await signIn(page, app.baseUrl, 'reporting.demo', `/panel/drift?asAt=${YEAR_END}`);
    const firstLink = page.locator('#drift-table tbody tr').first().locator('td').first().getByRole('link');
    const text = (await firstLink.textContent())?.trim() ?? '';
    await Promise.all([page.waitForURL(/\/panel\/children\//), firstLink.click()]);
    expect(await page.locator('h1').textContent()).toBe(text);
    expect(await page.locator('#record-links').count()).toBe(0);
    const response = await page.goto(`${page.url().split('?')[0]}/record/review`);
    expect(response?.status()).toBe(403);
  });
});
