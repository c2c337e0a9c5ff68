import type { Page } from 'playwright-core';
import { useBrowserApp } from './support/browser-app';
import { describeInBrowser, screenshot } from './support/chromium';
import { signIn } from './support/sign-in';
import { registerBody } from '../support/journey-bodies';
import { tokenFor } from '../support/tokens';

jest.setTimeout(120_000);

/**
 * What Chromium's accessibility tree gives a screen reader for one input: its name (the label) and
 * its description (what aria-describedby points at: the hint and the error).
 */
async function accessibleText(page: Page, id: string): Promise<{ name: string; description: string }> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `#${id}` });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  const text = (value: unknown) =>
    String((value as { value?: unknown } | undefined)?.value ?? '')
      .replace(/\s+/g, ' ')
      .trim();
  await cdp.detach();
  return { name: text(nodes[0].name), description: text(nodes[0].description) };
}

/** Web review #9: a filter's error is read with its input, and the summary's link takes focus to it. */
describeInBrowser('filter errors are tied to their inputs (real browser, accessibility tree)', () => {
  const app = useBrowserApp();

  it('the drift report: the date error names "As at date", is the input\'s description, and the summary link focuses it', async () => {
    const page = await app.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, app.baseUrl, 'panel.demo');
    await page.goto(`${app.baseUrl}/panel/drift?asAt=2026-02-30&minDaysOverdue=abc&dueWithinDays=400`);
    expect(await accessibleText(page, 'asAt')).toEqual({
      name: 'As at date',
      description:
        'For example, 2025-03-31 Error: As at date must be a real date, YYYY-MM-DD, for example 2025-03-31',
    });
    expect(await accessibleText(page, 'minDaysOverdue')).toEqual({
      name: 'At least this many days overdue (or open, for a standing condition)',
      description: 'Error: Days overdue must be a whole number of days',
    });
    expect((await accessibleText(page, 'dueWithinDays')).description).toBe(
      'Error: Due within must be a whole number of days, 0 to 365',
    );
    await screenshot(page, 'drift-filter-errors');
    await page.getByRole('link', { name: /^As at date must be a real date/ }).click();
    expect(await page.locator('#asAt').evaluate((input) => input === input.ownerDocument.activeElement)).toBe(
      true,
    );
  });

  it("the measures page and an indicator page: a year not ended is the year-ending input's description", async () => {
    const page = await app.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, app.baseUrl, 'panel.demo');
    for (const path of ['/panel/measures', '/panel/measures/A1']) {
      await page.goto(`${app.baseUrl}${path}?yearEnding=2099-03-31`);
      const { description } = await accessibleText(page, 'yearEnding');
      expect({ path, description }).toEqual({
        path,
        description: expect.stringMatching(
          /^A 31 March that has passed, for example 2025-03-31 Error: Year ending must not be after today, .*: the year to 31 March 2099 has not ended yet/,
        ),
      });
      expect(await page.locator('#yearEnding').getAttribute('class')).toContain('govuk-input--error');
    }
    await screenshot(page, 'indicator-year-not-ended');
  });

  /** Each input's description starts with its hint and ends with its error; its border is the error's. */
  async function expectErrorsRead(page: Page, ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      const { description } = await accessibleText(page, id);
      const error = (await page.locator(`#${id}-error`).textContent())?.replace(/\s+/g, ' ').trim();
      expect({ id, description }).toEqual({ id, description: expect.stringMatching(/ Error: .+$/) });
      expect(description.endsWith(error ?? 'no error shown')).toBe(true);
      expect({ id, classes: await page.locator(`#${id}`).getAttribute('class') }).toEqual({
        id,
        classes: expect.stringContaining('govuk-input--error'),
      });
    }
  }

  it("a child's Replay form (a11y review #2): as at and as known at errors are read with their inputs", async () => {
    const registered = await app.api.post<{ childId: string }>('/children', registerBody(), {
      token: tokenFor('social_worker'),
    });
    await app.caughtUp();
    const page = await app.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, app.baseUrl, 'panel.demo');
    await page.goto(`${app.baseUrl}/panel/children/${registered.body.childId}?asAt=notadate&knownAt=bad`);
    await expectErrorsRead(page, ['asAt', 'knownAt']);
    await screenshot(page, 'child-replay-errors');
  });

  it('drift as known at (a11y review #2): as at, as known at and reason errors are read with their inputs', async () => {
    const page = await app.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, app.baseUrl, 'auditor.demo', '/panel/audit/drift');
    await page.goto(`${app.baseUrl}/panel/audit/drift?asAt=bad&knownAt=bad&reason=${'x'.repeat(600)}`);
    await expectErrorsRead(page, ['asAt', 'knownAt', 'reason']);
  });

  it('the read-access trail (a11y review #2, #8): filter errors are read with their inputs; the position, not on the form, is named without a link', async () => {
    const page = await app.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, app.baseUrl, 'auditor.demo', '/panel/audit/access-log');
    await page.goto(
      `${app.baseUrl}/panel/audit/access-log?readBy=${'r'.repeat(300)}&from=2025-05-01&to=2025-01-01`,
    );
    await expectErrorsRead(page, ['readBy', 'to']);

    await page.goto(`${app.baseUrl}/panel/audit/access-log?childId=zzz&after=x`);
    const summary = page.locator('.govuk-error-summary');
    await expect(summary.textContent()).resolves.toContain('The position in the page address (after)');
    const hrefs = await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const href of hrefs)
      expect({ href, target: await page.locator(href ?? '#none').count() }).toEqual({ href, target: 1 });
    expect(hrefs).not.toContain('#after');
  });
});
