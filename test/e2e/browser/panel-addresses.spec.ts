import type { BrowserContext } from 'playwright-core';
import { eventCount, newChild } from '../support/journey-setup';
import { useBrowserApp } from './support/browser-app';
import { describeInBrowser } from './support/chromium';
import { signIn, signInHere } from './support/sign-in';

jest.setTimeout(180_000);

describeInBrowser(
  'panel addresses in a real browser: the service’s address, pages that do not exist, admins’ forms',
  () => {
    const app = useBrowserApp();
    let context: BrowserContext;

    beforeEach(async () => {
      context = await app.newContext();
    });

    it('the service’s address asks a signed-out visitor to sign in, then opens the drift report', async () => {
      const page = await context.newPage();
      await page.goto(`${app.baseUrl}/`);
      expect(new URL(page.url()).pathname).toBe('/login');
      await signInHere(page, 'panel.demo');
      expect(new URL(page.url()).pathname).toBe('/panel/drift');
    });

    it('an address under /panel that is no page answers a "Page not found" page, not JSON', async () => {
      const page = await context.newPage();
      await signIn(page, app.baseUrl, 'panel.demo');
      const response = await page.goto(`${app.baseUrl}/panel/no-such-page`);
      expect(response?.status()).toBe(404);
      expect(response?.headers()['content-type']).toMatch(/^text\/html/);
      expect(await page.locator('h1').textContent()).toBe('Page not found');
      expect(await page.locator('.govuk-service-navigation').count()).toBe(1);
    });

    it('an admin gets the record forms, as they may record everything a social worker may', async () => {
      const childId = await newChild(app.api);
      await app.caughtUp();
      const page = await context.newPage();
      await signIn(page, app.baseUrl, 'admin.demo', `/panel/children/${childId}`);
      await page.locator('#record-links').getByRole('link', { name: 'Permanence plan', exact: true }).click();
      await page.getByLabel('Date the plan was agreed').fill('2023-03-01');
      await page.locator('input[name="route"]').first().check();
      await Promise.all([
        page.waitForURL(/recorded=plan/),
        page.getByRole('button', { name: /^Record/ }).click(),
      ]);
      expect(await eventCount(app.api, childId)).toBe(3);
    });
  },
);
