import type { DriftReport } from '@care-journey/projections';
import { appendCliExportRead } from '../support/cli-export-read';
import { tokenFor } from '../support/tokens';
import { useBrowserApp } from './support/browser-app';
import { describeInBrowser, screenshot } from './support/chromium';
import { startSeededApp } from './support/seeded-app';
import { signIn } from './support/sign-in';

jest.setTimeout(180_000);

const PAGE = '/panel/audit/access-log';

describeInBrowser('auditors: who read this child, the read-access trail as pages (real browser)', () => {
  const app = useBrowserApp(() => startSeededApp(20));

  /** A child on today's report (a reporting job's read: no names, no trail entry). */
  const aChild = async (): Promise<string> => {
    const report = await app.api.get<DriftReport>('/drift-report?pageSize=1', {
      token: tokenFor('reporting_job'),
    });
    expect(report.body.children.length).toBe(1);
    return report.body.children[0].childId;
  };

  it("Given a panel member read a child's page and flags, When the auditor follows the child page's link, Then the trail shows both reads, by reader, and the CSV holds them", async () => {
    const childId = await aChild();
    const panel = await app.newPage();
    await signIn(panel, app.baseUrl, 'panel.demo', `/panel/children/${childId}`);
    // The flags JSON with the panel's session cookie (the route the trail once missed).
    expect((await panel.request.get(`${app.baseUrl}/children/${childId}/flags`)).status()).toBe(200);

    const page = await app.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, app.baseUrl, 'auditor.demo', `/panel/children/${childId}`);
    await Promise.all([
      page.waitForURL((url) => url.pathname === PAGE),
      page.getByRole('link', { name: 'Who read this child (read-access trail)' }).click(),
    ]);
    await expect(page.locator('h1').textContent()).resolves.toContain('Who read this child');
    await expect(page.getByLabel('Child').inputValue()).resolves.toBe(childId);
    const rows = page.locator('#access-log-table tbody tr');
    const panelRows = rows.filter({ hasText: 'panel member' });
    const views = await panelRows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-view')));
    expect(views).toEqual(expect.arrayContaining(['history', 'flags']));
    await screenshot(page, 'access-log-child');

    // The reader's name in a row filters the trail to that reader (the child kept).
    const reader = (await panelRows.first().locator('td').nth(1).locator('a').textContent()) ?? '';
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get('readBy') === reader),
      panelRows.first().locator('td').nth(1).locator('a').click(),
    ]);
    const readers = await page
      .locator('#access-log-table tbody tr td:nth-child(2) a')
      .evaluateAll((links) => [...new Set(links.map((a) => a.textContent))]);
    expect(readers).toEqual([reader]);

    const csvHref = (await page.locator('#access-log-csv').getAttribute('href')) ?? '';
    const csv = await page.request.get(`${app.baseUrl}${csvHref}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const lines = (await csv.text()).trim().split('\n');
    expect(lines.slice(1).every((line) => line.split(',')[2] === reader)).toBe(true);
    expect(lines.some((line) => line.includes(`,flags,${childId},`))).toBe(true);
  });

  it("Given a command-line export of a child (--by typed, OS account and host recorded), When the auditor opens the child's trail, Then the row shows who ran it beside the reader, and the CSV holds both (review s15 F10)", async () => {
    const childId = await aChild();
    // Given: what `audit export --by dpo.review` appends, run by OS account jsmith on ops-1 (support/cli-export-read).
    await appendCliExportRead(app.t.store, childId);
    const page = await app.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, app.baseUrl, 'auditor.demo', `${PAGE}?childId=${childId}`);
    const row = page.locator('#access-log-table tbody tr', { hasText: 'dpo.review' });
    await expect(row.count()).resolves.toBe(1);
    await expect(row.locator('td').nth(1).innerText()).resolves.toMatch(
      /dpo\.review\s+operator[^\n]*\s+Run by OS account jsmith on ops-1/i,
    );
    await screenshot(page, 'access-log-operator');
    const csvHref = (await page.locator('#access-log-csv').getAttribute('href')) ?? '';
    const lines = (await (await page.request.get(`${app.baseUrl}${csvHref}`)).text()).trim().split('\n');
    const line = lines.find((l) => l.includes(',dpo.review,operator,bundle,'));
    expect(line?.split(',').slice(-2)).toEqual(['jsmith', 'ops-1']);
  });

  it('The menu leads an auditor to the whole trail; a date that does not exist is named and nothing is listed', async () => {
    const page = await app.newPage();
    await signIn(page, app.baseUrl, 'auditor.demo');
    await Promise.all([
      page.waitForURL((url) => url.pathname === PAGE),
      page.getByRole('link', { name: 'Read-access trail' }).click(),
    ]);
    await expect(page.locator('h1').textContent()).resolves.toContain('Read-access trail');
    await page.getByLabel('From').fill('2026-02-30');
    await Promise.all([
      page.waitForURL(/from=2026-02-30/),
      page.getByRole('button', { name: 'Show the reads' }).click(),
    ]);
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain(
      'From must be a real calendar date',
    );
    await expect(page.locator('.govuk-error-summary a').first().getAttribute('href')).resolves.toBe('#from');
    await expect(page.locator('#access-log-table').count()).resolves.toBe(0);
    await expect(page.title()).resolves.toMatch(/^Error: /);
  });

  it('A panel member has no link to it, on the menu or the child page, and the address answers 403', async () => {
    const childId = await aChild();
    const page = await app.newPage();
    await signIn(page, app.baseUrl, 'panel.demo', `/panel/children/${childId}`);
    await expect(page.getByRole('link', { name: 'Read-access trail' }).count()).resolves.toBe(0);
    await expect(page.locator('#trail-link').count()).resolves.toBe(0);
    const response = await page.goto(`${app.baseUrl}${PAGE}?childId=${childId}`);
    expect(response?.status()).toBe(403);
  });
});
