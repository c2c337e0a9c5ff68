import type { ApiClient } from '../support/http-client';
import { eventCount, newChild } from '../support/journey-setup';
import { tokenFor } from '../support/tokens';
import { useBrowserApp } from './support/browser-app';
import { describeInBrowser, screenshot } from './support/chromium';
import { signIn } from './support/sign-in';

jest.setTimeout(180_000);

/** The going-home audits on the child's stream, by their effective date. */
async function auditDates(api: ApiClient, childId: string): Promise<string[]> {
  const page = await api.get<{ items: { type: string; data: { effectiveDate: string } }[] }>(
    `/children/${childId}/events?pageSize=200`,
    { token: tokenFor('auditor') },
  );
  return page.body.items.filter((e) => e.type === 'GoingHomeAuditCompleted').map((e) => e.data.effectiveDate);
}

describeInBrowser('record forms in a real browser: Back after recording', () => {
  const app = useBrowserApp();

  it.each([true, false])(
    'with JavaScript %s, Back to a recorded form shows it empty, so Record again cannot send the same answers as a second entry',
    async (javaScriptEnabled) => {
      const childId = await newChild(app.api);
      await app.caughtUp();
      const context = await app.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 1400 } });
      const page = await context.newPage();
      await signIn(page, app.baseUrl, 'sw.demo', `/panel/children/${childId}/record/going-home-audit`);

      await page.getByLabel('Date of the audit').fill('2026-11-20');
      await page.getByLabel('What the audit found').fill('Not safe to return home');
      await page.getByLabel('What happens next').fill('Review in three months');
      await Promise.all([
        page.waitForURL(/recorded=going-home-audit/),
        page.getByRole('button', { name: /^Record/ }).click(),
      ]);
      expect(await auditDates(app.api, childId)).toEqual(['2026-11-20']);

      // Back: the browser shows the form again (fetched afresh: the pages are never cached).
      await page.goBack();
      await page.waitForLoadState();
      expect(new URL(page.url()).pathname).toBe(`/panel/children/${childId}/record/going-home-audit`);
      expect(await page.getByLabel('Date of the audit').inputValue()).toBe('');
      expect(await page.getByLabel('What the audit found').inputValue()).toBe('');
      expect(await page.locator('form[action*="/record/"]').getAttribute('autocomplete')).toBe('off');
      await screenshot(page, `23-record-form-after-back-js-${javaScriptEnabled ? 'on' : 'off'}`);

      // Record pressed again on what Back showed: the empty form is refused field by field.
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: /^Record/ }).click(),
      ]);
      expect(answer.status()).toBe(400);
      expect(await auditDates(app.api, childId)).toEqual(['2026-11-20']);
      expect(await eventCount(app.api, childId)).toBe(3);
    },
  );
});
