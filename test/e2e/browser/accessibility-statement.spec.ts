import {
  AUTOMATED_CHECKER,
  KNOWN_ISSUES,
} from '../../../apps/api/src/web/accessibility/accessibility-statement.page';
import { useBrowserApp } from './support/browser-app';
import { describeInBrowser, screenshot } from './support/chromium';
import { signIn } from './support/sign-in';

jest.setTimeout(120_000);

/** a11y review #4: the service's accessibility statement (PSBAR 2018, the GOV.UK model statement). */
describeInBrowser('the accessibility statement (real browser)', () => {
  const app = useBrowserApp();

  it('is public, in the model statement’s sections, and lists what is known not to be accessible', async () => {
    const page = await app.newPage({ viewport: { width: 1280, height: 900 } });
    const response = await page.goto(`${app.baseUrl}/accessibility`);
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(`${app.baseUrl}/accessibility`);
    expect(await page.title()).toBe('Accessibility statement – Care Journey');
    expect(await page.locator('main h2').allTextContents()).toEqual([
      'How accessible this service is',
      'Feedback and contact information',
      'Reporting accessibility problems with this service',
      'Enforcement procedure',
      'Technical information about this service’s accessibility',
      'How we tested this service',
      'Preparation of this accessibility statement',
    ]);
    const listed = await page.locator('#known-issues li').allTextContents();
    expect(listed).toEqual(KNOWN_ISSUES.map((issue) => issue.text));
    // Session 12 fixed the last two known failures (2.2.1, 1.4.10): none is listed, so the status says
    // so (accessibility-statement.page.spec.ts checks the page with a failure listed).
    expect(listed).toEqual([]);
    await expect(page.locator('main').textContent()).resolves.toContain(
      'We know of no part of this service that is not accessible.',
    );
    await expect(page.locator('#compliance-status').textContent()).resolves.toContain(
      'partially compliant with the Web Content Accessibility Guidelines version 2.2 AA standard: we know of no failure',
    );
    await expect(page.locator('#session-time').textContent()).resolves.toContain(
      'Your sign-in lasts 8 hours, and the top of every page says when it ends. 3 minutes before the end, the page warns you and offers “Stay signed in”',
    );
    await expect(page.locator('main').textContent()).resolves.toContain(
      'We have not yet tested with screen readers',
    );
    await expect(page.locator('#last-tested').textContent()).resolves.toMatch(/last tested on \d+ \w+ \d{4}/);
    await expect(page.locator('main').textContent()).resolves.toContain('axe-core');
    // What runs on every test run (axe-every-page.spec.ts), at which level, and what a checker cannot tell.
    await expect(page.locator('#automated-checks').textContent()).resolves.toContain(
      `${AUTOMATED_CHECKER} checks every page in a real web browser (Chromium) against its rules for WCAG 2.0, 2.1 and 2.2 at levels A and AA`,
    );
    await expect(page.locator('#not-tested').textContent()).resolves.toContain(
      'We have not yet tested with screen readers (JAWS, NVDA, VoiceOver)',
    );
    await expect(page.locator('main').textContent()).resolves.toContain(
      'Equality Advisory and Support Service',
    );
    await screenshot(page, 'accessibility-statement');
  });

  it('is linked from the footer of every page, signed in or not', async () => {
    const page = await app.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.baseUrl}/login`);
    const footerLink = () => page.locator('footer').getByRole('link', { name: 'Accessibility statement' });
    expect(await footerLink().getAttribute('href')).toBe('/accessibility');
    await signIn(page, app.baseUrl, 'panel.demo', '/panel/drift');
    for (const path of ['/panel/drift', '/panel/measures', '/panel/no-such-page']) {
      await page.goto(`${app.baseUrl}${path}`);
      expect({ path, href: await footerLink().getAttribute('href') }).toEqual({
        path,
        href: '/accessibility',
      });
    }
    await Promise.all([page.waitForURL(/\/accessibility$/), footerLink().click()]);
    await expect(page.locator('h1').textContent()).resolves.toBe('Accessibility statement for Care Journey');
  });
});
