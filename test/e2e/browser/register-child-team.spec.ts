import type { Page } from 'playwright-core';
import { useBrowserApp } from './support/browser-app';
import { describeInBrowser, screenshot } from './support/chromium';
import { fillRegisterForm } from './support/register-form';
import { signIn } from './support/sign-in';
import { startTeamScopedApp } from './support/team-scoped-app';

jest.setTimeout(120_000);

const NORTH = 'Children in Care North';
const SOUTH = 'Children in Care South';

/** Everything but the team, as a social worker fills it in. */
const fillAllButTeam = (page: Page): Promise<void> =>
  fillRegisterForm(page, {
    childRef: 'TEAM001',
    name: 'Kit Keptanswers',
    dateOfBirth: '2016-07-08',
    sex: 'Male',
    upn: 'C123456789012',
    postcode: 'CB1 2AB',
    knownSince: '2024-03-01',
  });

/** Sends the form and waits for its answer's status. */
async function send(page: Page): Promise<number | undefined> {
  const answered = page.waitForResponse(
    (r) => r.url().endsWith('/panel/children/new') && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'Register the child' }).click();
  const status = (await answered).status();
  await page.waitForLoadState();
  return status;
}

/** a11y review #1: the team is judged on the form, in the form's words, and nothing typed is lost. */
describeInBrowser(
  'register a child: the allocated team, for a team-scoped social worker (real browser)',
  () => {
    const app = useBrowserApp(startTeamScopedApp);

    it('the worker’s one team is chosen already; left blank, it is "required" on its field and in the summary, the answers kept', async () => {
      const page = await app.newPage({ viewport: { width: 1280, height: 900 } });
      await signIn(page, app.baseUrl, 'sw.demo', '/panel/children/new');
      expect(await page.getByLabel('Allocated team').inputValue()).toBe(NORTH);

      await fillAllButTeam(page);
      await page.getByLabel('Allocated team').selectOption('');
      const before = await app.t.store.headPosition();
      expect(await send(page)).toBe(400);
      expect(await page.title()).toMatch(/^Error: Register a child/);
      const summaryLink = page.locator('.govuk-error-summary a[href="#team"]');
      await expect(summaryLink.textContent()).resolves.toMatch(/^Allocated team /);
      await expect(page.locator('#team-error').textContent()).resolves.toContain('Allocated team');
      expect(await page.locator('#team').getAttribute('aria-describedby')).toContain('team-error');
      await expect(page.getByLabel('Full name').inputValue()).resolves.toBe('Kit Keptanswers');
      await expect(page.getByLabel('Unique pupil number (UPN)').inputValue()).resolves.toBe('C123456789012');
      await expect(page.getByLabel('Home postcode').inputValue()).resolves.toBe('CB1 2AB');
      expect(await app.t.store.headPosition()).toBe(before);
      await screenshot(page, 'register-child-team-blank');

      await summaryLink.click();
      expect(await page.locator('#team').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
      await page.getByLabel('Allocated team').selectOption(NORTH);
      await Promise.all([
        page.waitForURL(/\/panel\/children\/[^/]+\?recorded=register/),
        page.getByRole('button', { name: 'Register the child' }).click(),
      ]);
      await expect(page.locator('h1').textContent()).resolves.toContain('Kit Keptanswers');
    });

    it('another team’s (a form from before the users file changed): refused on the team field with the other errors, the answers kept', async () => {
      const page = await app.newPage({ viewport: { width: 1280, height: 900 } });
      await signIn(page, app.baseUrl, 'sw.demo', '/panel/children/new');
      await fillAllButTeam(page);
      await page.getByLabel('Full name').fill('');
      // The page offers the worker's own teams only: this option is one the form offered before.
      await page
        .locator('#team')
        .evaluate(
          (select, team) => select.insertAdjacentHTML('beforeend', `<option>${team}</option>`),
          SOUTH,
        );
      await page.getByLabel('Allocated team').selectOption(SOUTH);
      const before = await app.t.store.headPosition();
      expect(await send(page)).toBe(400);
      expect(await page.title()).toMatch(/^Error: /);
      const links = await page
        .locator('.govuk-error-summary a')
        .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), (a.textContent ?? '').trim()]));
      expect(links).toEqual([
        ['#name', expect.stringMatching(/^Full name /)],
        [
          '#team',
          `Allocated team must be one of your teams (${NORTH}), not "${SOUTH}": a social worker registers children into their own teams`,
        ],
      ]);
      await expect(page.locator('#team-error').textContent()).resolves.toContain('must be one of your teams');
      await expect(page.getByLabel('903 child reference').inputValue()).resolves.toBe('TEAM001');
      expect(await app.t.store.headPosition()).toBe(before);
      await screenshot(page, 'register-child-other-team');
    });
  },
);
