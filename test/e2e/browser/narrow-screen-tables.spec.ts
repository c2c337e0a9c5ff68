import { registerBody, startCareBody } from '../support/journey-bodies';
import { tokenFor } from '../support/tokens';
import { useBrowserApp } from './support/browser-app';
import { describeInBrowser, screenshot } from './support/chromium';
import { startSeededApp } from './support/seeded-app';
import { signIn } from './support/sign-in';

jest.setTimeout(120_000);

/** a11y review #7: at 320 px (400% zoom) a wide table scrolls in its own area; the page does not. */
describeInBrowser('wide tables at 320 px (real browser)', () => {
  const app = useBrowserApp();

  beforeAll(async () => {
    const token = tokenFor('social_worker');
    const { body } = await app.api.post<{ childId: string }>('/children', registerBody(), { token });
    await app.api.post(`/children/${body.childId}/periods-of-care`, startCareBody, { token });
    await app.caughtUp();
  });

  it.each([
    ['the drift report', 'panel.demo', '/panel/drift', 'drift-table'],
    ['the drift report’s flags by rule', 'panel.demo', '/panel/drift', 'by-rule'],
    ['find a child', 'panel.demo', '/panel/children?q=Sam', 'children-table'],
    ['drift as known at', 'auditor.demo', '/panel/audit/drift', 'as-known-table'],
    ['the read-access trail', 'auditor.demo', '/panel/audit/access-log?childId=*', 'access-log-table'],
  ])(
    '%s: the page is no wider than the screen; the table is in a focusable region named by its caption',
    async (_, user, path, tableId) => {
      const page = await app.newPage({ viewport: { width: 320, height: 800 } });
      await signIn(page, app.baseUrl, user, path);
      await page.goto(`${app.baseUrl}${path}`);
      const region = page.locator(`div.cj-table-scroll:has(> #${tableId})`);
      expect(await region.count()).toBe(1);
      expect(await page.locator('html').evaluate((root) => root.scrollWidth)).toBeLessThanOrEqual(320);
      expect({
        role: await region.getAttribute('role'),
        tabindex: await region.getAttribute('tabindex'),
        name: await region.getAttribute('aria-labelledby'),
        caption: await page.locator(`#${tableId} caption`).getAttribute('id'),
      }).toEqual({
        role: 'region',
        tabindex: '0',
        name: `${tableId}-caption`,
        caption: `${tableId}-caption`,
      });
      expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      await screenshot(page, `narrow-${tableId}`);
    },
  );
});

/** The same on the measures pages: the yearly and monthly tables, and the children behind a figure. */
describeInBrowser('wide tables on the measures pages at 320 px (real browser)', () => {
  const app = useBrowserApp(() => startSeededApp(120));

  it.each([
    ['stability and permanence', '/panel/measures?yearEnding=2025-03-31&years=3', 5],
    ['the children behind ST1', '/panel/measures/ST1?yearEnding=2025-03-31', 1],
  ])(
    '%s: the page is no wider than the screen; every table is in a focusable region named by its caption',
    async (_, path, atLeast) => {
      const page = await app.newPage({ viewport: { width: 320, height: 800 } });
      await signIn(page, app.baseUrl, 'panel.demo', path);
      await page.goto(`${app.baseUrl}${path}`);
      const tables = await page.locator('main table').evaluateAll((found) =>
        found.map((table) => {
          const region = table.parentElement;
          return {
            table: table.id,
            region: region?.className,
            role: region?.getAttribute('role'),
            tabindex: region?.getAttribute('tabindex'),
            name: region?.getAttribute('aria-labelledby'),
            caption: table.querySelector('caption')?.id,
          };
        }),
      );
      expect(tables.length).toBeGreaterThanOrEqual(atLeast);
      expect(tables).toEqual(
        tables.map(({ table }) => ({
          table,
          region: 'cj-table-scroll',
          role: 'region',
          tabindex: '0',
          name: `${table}-caption`,
          caption: `${table}-caption`,
        })),
      );
      expect(await page.locator('html').evaluate((root) => root.scrollWidth)).toBeLessThanOrEqual(320);
      // The widest table scrolls in its region, which the keyboard reaches and can scroll.
      const region = page.locator('div.cj-table-scroll').last();
      await region.focus();
      expect(await region.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
      const scrollable = page.locator('div.cj-table-scroll').filter({ has: page.locator('table') });
      const overflowing = await scrollable.evaluateAll(
        (els) => els.filter((el) => el.scrollWidth > el.clientWidth).length,
      );
      expect(overflowing).toBeGreaterThan(0);
      await screenshot(page, `narrow-measures-${path.split('?')[0].split('/').pop()}`);
    },
  );
});
