/**
 * The leaving care team's worklist in a real browser (review s17 F4): a social worker finds it in
 * the menu, asks for a day, follows a young person's "Record the contact" to the contact form,
 * records it, and the list for that day no longer has her (a year on, her row gives when she left
 * care and that contact, in words); a date typed wrong is named beside its
 * field, linked from the error summary; axe-core finds nothing on the list, nor on its error state;
 * the panel's menu has no link to it. One app for the file; every list is for a fixed day.
 */
import type { Page } from 'playwright-core';
import { registerBody } from '../support/journey-bodies';
import { tokenFor } from '../support/tokens';
import { AXE_CONTEXT, axeViolations } from './support/axe';
import { useBrowserApp } from './support/browser-app';
import { caughtUpPatiently } from './support/caught-up-patiently';
import { describeInBrowser, screenshot } from './support/chromium';
import { signIn } from './support/sign-in';

jest.setTimeout(120_000);

const PAGE_OPTIONS = { viewport: { width: 1280, height: 900 }, ...AXE_CONTEXT };
const DAY = '2024-07-15';

describeInBrowser("the leaving care team's worklist (real browser)", () => {
  const app = useBrowserApp();
  let childId = '';

  beforeAll(async () => {
    // The review's RVLC03: born 01/06/2007, in care 10/01/2023–10/01/2024 (E5); the 17th birthday's
    // contact can be recorded from 01/03/2024 to 01/09/2024. North's, so sw.demo's.
    const admin = { token: tokenFor('admin') };
    const registered = await app.api.post<{ childId: string }>(
      '/children',
      registerBody({
        childRef: 'LCB-1',
        name: 'Rae Leaver',
        dateOfBirth: '2007-06-01',
        effectiveDate: '2023-01-01',
      }),
      admin,
    );
    expect(registered.status).toBe(201);
    childId = registered.body.childId;
    const placement = {
      placementType: 'U6',
      provider: 'PR1',
      postcode: 'LS1 4AB',
      urn: 'SC000001',
      inArea: true,
    };
    for (const [path, body] of [
      [
        'periods-of-care',
        { effectiveDate: '2023-01-10', legalStatus: 'C2', categoryOfNeed: 'N1', placement },
      ],
      ['periods-of-care/end', { effectiveDate: '2024-01-10', reason: 'E5' }],
    ] as const)
      expect((await app.api.post(`/children/${childId}/${path}`, body, admin)).status).toBe(201);
    await caughtUpPatiently(app);
  });

  /** The list's rows as the table shows them: child id and status. */
  const rows = (page: Page) =>
    page
      .locator('#leaving-care-table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-child'), tr.getAttribute('data-status')]));

  /** Types the day into the form and sends it (the page's own GET form). */
  const askFor = async (page: Page, day: string) => {
    await page.getByLabel('Contacts due by', { exact: true }).fill(day);
    await Promise.all([
      page.waitForNavigation(),
      page.getByRole('button', { name: 'Show the contacts' }).click(),
    ]);
  };

  it('Given a care leaver due a contact, When her social worker opens the list from the menu for 15/07/2024 and records the contact from it, Then the list for that day no longer has her', async () => {
    const page = await app.newPage(PAGE_OPTIONS);
    await signIn(page, app.baseUrl, 'sw.demo', '/panel/drift');
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/panel/leaving-care'),
      page
        .getByRole('navigation', { name: 'Menu' })
        .getByRole('link', { name: "Care leavers' contacts" })
        .click(),
    ]);
    await askFor(page, DAY);
    expect(new URL(page.url()).searchParams.get('asAt')).toBe(DAY);
    expect(await rows(page)).toEqual([[childId, 'due']]);
    const row = page.locator(`#leaving-care-table tr[data-child="${childId}"]`);
    await expect(row.innerText()).resolves.toMatch(
      /Rae Leaver\s+LCB-1\s+1 June 2007\s+1 June 2024 \(17\)\s+1 September 2024\s+Due\s+48 days left\s+10 January 2024\s+E5 Moved into independent living with supportive accommodation\s+None recorded\s+Record the contact/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'leaving-care-list');

    await Promise.all([
      page.waitForURL((url) => url.pathname === `/panel/children/${childId}/record/care-leaver-contact`),
      row.getByRole('link', { name: 'Record the contact for Rae Leaver at 17' }).click(),
    ]);
    await page.getByLabel('Date of the contact').fill('2024-06-10');
    await page.getByLabel('In touch with the authority').selectOption('YES');
    await page.getByLabel('Main activity').selectOption('F2');
    await page.getByLabel('Accommodation and whether it is suitable').selectOption('E1');
    await Promise.all([
      page.waitForURL((url) => url.pathname === `/panel/children/${childId}`),
      page.getByRole('button', { name: /^Record/ }).click(),
    ]);

    await page.goto(`${app.baseUrl}/panel/leaving-care?asAt=${DAY}`);
    expect(await rows(page)).toEqual([]);
    await expect(page.locator('#no-results').innerText()).resolves.toBe(
      'No care leaver has a contact due or missed by 15 July 2024.',
    );

    // A year on her 18th is due: the row says when she left care and that contact, in words.
    await page.goto(`${app.baseUrl}/panel/leaving-care?asAt=2025-07-15`);
    expect(await rows(page)).toEqual([[childId, 'due']]);
    const headers = await page.locator('#leaving-care-table thead th').allInnerTexts();
    expect(headers).toContain('Left care');
    expect(headers).toContain('Last contact (in touch)');
    const later = page.locator(`#leaving-care-table tr[data-child="${childId}"]`);
    await expect(later.locator('[data-column="left-care"]').innerText()).resolves.toMatch(
      /^10 January 2024\s+E5 Moved into independent living with supportive accommodation$/,
    );
    await expect(later.locator('[data-column="last-contact"]').innerText()).resolves.toMatch(
      /^YES In touch\s+10 June 2024$/,
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it('Given a day typed wrong, When it is sent, Then the summary links to the field, the field says why, and axe-core finds nothing; the panel has no link to the list', async () => {
    const page = await app.newPage(PAGE_OPTIONS);
    await signIn(page, app.baseUrl, 'admin.demo', '/panel/leaving-care');
    await askFor(page, '2024-02-30');
    const message = 'Contacts due by must be a real date, YYYY-MM-DD, for example 2026-03-31';
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(message);
    await page.locator('.govuk-error-summary').getByRole('link', { name: message }).click();
    await expect(page.locator('#asAt:focus').count()).resolves.toBe(1);
    await expect(page.locator('#asAt-error').innerText()).resolves.toContain(message);
    await expect(
      page.getByLabel('Contacts due by', { exact: true }).getAttribute('aria-describedby'),
    ).resolves.toBe('asAt-hint asAt-error');
    await expect(page.title()).resolves.toMatch(/^Error: /);
    expect(await axeViolations(page)).toEqual([]);

    const panel = await app.newPage(PAGE_OPTIONS);
    await signIn(panel, app.baseUrl, 'panel.demo', '/panel/drift');
    await expect(
      panel.getByRole('navigation', { name: 'Menu' }).getByRole('link').allInnerTexts(),
    ).resolves.not.toContain("Care leavers' contacts");
    const refused = await panel.goto(`${app.baseUrl}/panel/leaving-care`);
    expect(refused?.status()).toBe(403);
  });
});
