import type { Page } from 'playwright-core';
import type { DriftReport } from '@care-journey/projections';
import { tokenFor } from '../support/tokens';
import { useBrowserApp } from './support/browser-app';
import { describeInBrowser, screenshot } from './support/chromium';
import { startSeededApp } from './support/seeded-app';
import { signIn } from './support/sign-in';

jest.setTimeout(180_000);

const PAGE = '/panel/audit/drift';

/** The whole numbers of the summary sentence: open flags, children, warnings, due days. */
const summaryText = async (page: Page): Promise<string> =>
  ((await page.locator('#as-known-summary').textContent()) ?? '').replace(/\s+/g, ' ').trim();

describeInBrowser("auditors: the authority's drift report as known at an instant (real browser)", () => {
  const app = useBrowserApp(() => startSeededApp(80));

  it('An auditor opens it from the menu, asks for the year end as known that day and then as known now: the second matches the live report', async () => {
    const page = await app.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, app.baseUrl, 'auditor.demo');
    await Promise.all([
      page.waitForURL((url) => url.pathname === PAGE),
      page.getByRole('link', { name: 'Drift as known at' }).click(),
    ]);
    await expect(page.locator('h1').textContent()).resolves.toContain('Drift report as known at a time');

    await page.getByLabel('As at date').fill('2025-03-31');
    await page.getByLabel('As known at').fill('');
    await Promise.all([
      page.waitForURL(/asAt=2025-03-31/),
      page.getByRole('button', { name: 'Show the report' }).click(),
    ]);
    // 31 March 2025 is in BST: the end of that day in England (22:59:59 UTC), shown in England time.
    const thenKnown = await summaryText(page);
    expect(thenKnown).toContain('As at 31 March 2025, as known at 31 March 2025 at 23:59:59 BST');
    await screenshot(page, 'audit-drift-as-known-year-end');

    const now = new Date().toISOString();
    await page.getByLabel('As known at').fill(now);
    await Promise.all([
      page.waitForURL(/knownAt=/),
      page.getByRole('button', { name: 'Show the report' }).click(),
    ]);
    const live = (
      await app.api.get<DriftReport>('/drift-report?asAt=2025-03-31&pageSize=1000', {
        token: tokenFor('auditor'),
      })
    ).body;
    const nowKnown = await summaryText(page);
    expect(nowKnown).toContain(`${live.openFlags.toLocaleString('en-GB')} open flag`);
    expect(nowKnown).toContain(`${live.dueSoon.toLocaleString('en-GB')} warning`);
    expect(nowKnown).not.toEqual(thenKnown);
    const shown = await page
      .locator('#as-known-table tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-child')));
    expect(shown).toEqual(live.children.slice(0, 100).map((row) => row.childId));
  });

  it('A date that does not exist is named in the error summary, linked to its field, and no report is shown', async () => {
    const page = await app.newPage();
    await signIn(page, app.baseUrl, 'auditor.demo', `${PAGE}?asAt=2025-02-30`);
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'As at date must be a real date',
    );
    await expect(page.locator('.govuk-error-summary a').first().getAttribute('href')).resolves.toBe('#asAt');
    await expect(page.locator('#as-known-summary').count()).resolves.toBe(0);
    await expect(page.title()).resolves.toMatch(/^Error: /);
  });

  it('A panel member has no link to it, and the address answers 403', async () => {
    const page = await app.newPage();
    await signIn(page, app.baseUrl, 'panel.demo');
    await expect(page.getByRole('link', { name: 'Drift as known at' }).count()).resolves.toBe(0);
    const response = await page.goto(`${app.baseUrl}${PAGE}`);
    expect(response?.status()).toBe(403);
  });
});
