/**
 * The leaving care worklist's pages in a real browser (session 20): 52 care leavers due a contact on
 * 15/07/2024 are two pages of 50; the social worker follows Next and Previous (the form's day and
 * missed-since kept), and axe-core finds nothing on either page, nor on a bad page's error state.
 * One app for the file; every list is for a fixed day.
 */
import type { Page } from 'playwright-core';
import { addDays } from '@care-journey/journey';
import { careLeaverThroughApi } from '../support/care-leaver-journey';
import { AXE_CONTEXT, axeViolations } from './support/axe';
import { useBrowserApp } from './support/browser-app';
import { caughtUpPatiently } from './support/caught-up-patiently';
import { describeInBrowser, screenshot } from './support/chromium';
import { signIn } from './support/sign-in';

jest.setTimeout(180_000);

const PAGE_OPTIONS = { viewport: { width: 1280, height: 900 }, ...AXE_CONTEXT };
const LIST = '/panel/leaving-care?asAt=2024-07-15&missedSince=2023-01-01';

describeInBrowser("the leaving care worklist's pages (real browser)", () => {
  const app = useBrowserApp();
  /** The young people in the list's order (soonest last day first). */
  const childIds: string[] = [];

  beforeAll(async () => {
    // North's (sw.demo's), 17th birthdays from 01/06/2024 a day apart.
    for (let i = 0; i < 52; i++)
      childIds.push((await careLeaverThroughApi(app.api, `LCPB-${i}`, addDays('2007-06-01', i))).childId);
    await caughtUpPatiently(app);
  });

  const rows = (page: Page) =>
    page
      .locator('#leaving-care-table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-child')));
  const pages = (page: Page) => page.getByRole('navigation', { name: "Pages of care leavers' contacts" });
  const follow = async (page: Page, name: string) =>
    Promise.all([page.waitForNavigation(), pages(page).getByRole('link', { name }).click()]);
  const params = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

  it('Given 52 rows, When the social worker reads page 1, follows Next and then Previous, Then each page has its rows, the day and missed-since stay, and axe-core finds nothing', async () => {
    const page = await app.newPage(PAGE_OPTIONS);
    await signIn(page, app.baseUrl, 'sw.demo', LIST);
    expect(await rows(page)).toEqual(childIds.slice(0, 50));
    await expect(page.locator('#leaving-care-table-caption').innerText()).resolves.toContain('(1–50 of 52)');
    await expect(
      pages(page).getByRole('link', { name: 'Page 1' }).getAttribute('aria-current'),
    ).resolves.toBe('page');
    expect(await axeViolations(page)).toEqual([]);

    await follow(page, 'Next page');
    expect(params(page)).toEqual({ asAt: '2024-07-15', missedSince: '2023-01-01', page: '2' });
    expect(await rows(page)).toEqual(childIds.slice(50));
    // The form keeps the day asked for.
    await expect(page.getByLabel('Contacts due by', { exact: true }).inputValue()).resolves.toBe(
      '2024-07-15',
    );
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'leaving-care-page-2');

    await follow(page, 'Previous page');
    expect(params(page)).toEqual({ asAt: '2024-07-15', missedSince: '2023-01-01' });
    expect(await rows(page)).toEqual(childIds.slice(0, 50));
  });

  it('Given a page that is not a whole number, When it is opened, Then the error summary names it, no list is shown, and axe-core finds nothing', async () => {
    const page = await app.newPage(PAGE_OPTIONS);
    await signIn(page, app.baseUrl, 'sw.demo', `${LIST}&page=two`);
    await expect(page.locator('.govuk-error-summary').innerText()).resolves.toContain(
      'Page must be a whole number from 1, for example 2',
    );
    await expect(page.locator('#leaving-care-table').count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);
  });
});
