import type { Page } from 'playwright-core';
import { registerBody, startCareBody } from '../support/journey-bodies';
import { tokenFor } from '../support/tokens';
import { useBrowserApp, type BrowserApp } from './support/browser-app';
import { describeInBrowser } from './support/chromium';
import { signIn } from './support/sign-in';

jest.setTimeout(120_000);

/** A child registered and taken into care through the API, once the pages can read it. */
async function childInCare(app: BrowserApp): Promise<string> {
  const token = tokenFor('social_worker');
  const registered = await app.api.post<{ childId: string }>('/children', registerBody(), { token });
  const { childId } = registered.body;
  const started = await app.api.post(`/children/${childId}/periods-of-care`, startCareBody, { token });
  if (started.status !== 201) throw new Error(`start care: ${JSON.stringify(started.body)}`);
  // Months after the first review was due: that flag was open, and is closed by it.
  const review = { effectiveDate: '2023-06-01', participation: 'PN0' };
  const reviewed = await app.api.post(`/children/${childId}/reviews`, review, { token });
  if (reviewed.status !== 201) throw new Error(`review: ${JSON.stringify(reviewed.body)}`);
  await app.caughtUp();
  return childId;
}

async function childPage(app: BrowserApp, childId: string): Promise<Page> {
  const page = await app.newPage({ viewport: { width: 1280, height: 900 } });
  await signIn(page, app.baseUrl, 'panel.demo');
  await page.goto(`${app.baseUrl}/panel/children/${childId}`);
  return page;
}

/** The child's page, as the accessibility review found it (session 11). */
describeInBrowser("a child's page: accessibility (real browser)", () => {
  const app = useBrowserApp();
  let childId: string;

  beforeAll(async () => {
    childId = await childInCare(app);
  });

  it('timeline links: each one’s accessible name contains the words drawn on it (WCAG 2.5.3 label in name, a11y review #5)', async () => {
    const page = await childPage(app, childId);
    const links = await page.locator('#timeline a').evaluateAll((as) =>
      as.map((a) => ({
        drawn: (a.querySelector('text')?.textContent ?? '').trim(),
        name: a.getAttribute('aria-label') ?? '',
      })),
    );
    const drawn = links.filter((link) => link.drawn !== '');
    // The care bar, its legal status and its placement are wide enough to carry their words.
    expect(drawn.map((link) => link.drawn)).toEqual(
      expect.arrayContaining(['Looked after from 6 February 2023', 'C1', 'U6']),
    );
    for (const link of drawn)
      expect({ drawn: link.drawn, name: link.name }).toEqual({
        drawn: link.drawn,
        name: expect.stringContaining(link.drawn),
      });
    expect(drawn.find((link) => link.drawn.startsWith('Looked after'))?.name).toBe(
      'Looked after from 6 February 2023 to now',
    );
  });

  /** Where an element is: the nearest landmark around it (header, main, footer, nav, region), if any. */
  const landmarkOf = (page: Page, selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate(
        (el) => el.closest('header, main, footer, nav, [role="region"]')?.tagName.toLowerCase() ?? 'none',
      );

  it('the child’s page and a record form: the phase banner and back link are in landmarks, no menu item claims to be the page, and the form’s title names the child (a11y review #9, #10, #11)', async () => {
    const page = await childPage(app, childId);
    expect(await landmarkOf(page, '.govuk-phase-banner')).toBe('header');
    expect(await landmarkOf(page, '.govuk-back-link')).toBe('main');
    expect(await page.locator('[aria-current]').count()).toBe(0);

    const recorder = await app.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(recorder, app.baseUrl, 'sw.demo', `/panel/children/${childId}/record/review`);
    // By reference, not name: titles stay in browser history (review s15 F14; a11y #11 asked only that
    // the title tell the child's forms apart, which the reference does).
    expect(await recorder.title()).toBe('Record review for LA-000123 – Care Journey');
    expect(await landmarkOf(recorder, '.govuk-back-link')).toBe('main');
    expect(await recorder.locator('[aria-current]').count()).toBe(0);

    // The menu's own pages still say which one is current.
    await page.goto(`${app.baseUrl}/panel/drift`);
    expect(await page.locator('[aria-current="page"]').textContent()).toBe('Drift report');
    expect(await landmarkOf(page, '.govuk-phase-banner')).toBe('header');
  });

  it('printed, the child’s page shows the flags closed earlier, though their details are closed on screen (a11y review #6)', async () => {
    const page = await childPage(app, childId);
    const closedFlags = page.locator('details.govuk-details .govuk-details__text').first();
    await expect(page.locator('details.govuk-details summary').first().textContent()).resolves.toContain(
      'Flags closed earlier (',
    );
    expect(await closedFlags.isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    expect(await closedFlags.isVisible()).toBe(true);
    await expect(closedFlags.textContent()).resolves.toMatch(/\S/);
  });
});
