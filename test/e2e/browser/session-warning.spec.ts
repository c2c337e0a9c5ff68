import type { BrowserContext } from 'playwright-core';
import { readStreamOrEmpty } from '@care-journey/event-store';
import { mintToken } from '@care-journey/access';
import { JwtService } from '@nestjs/jwt';
import { sessionExtensionsStream } from '../../../apps/api/src/auth/session-extensions';
import { sessionFormToken } from '../../../apps/api/src/web/auth/csrf';
import { startTestApp } from '../support/test-app';
import { TEST_JWT_SECRET } from '../support/tokens';
import { useBrowserApp } from './support/browser-app';
import { describeInBrowser, screenshot } from './support/chromium';

jest.setTimeout(120_000);

const MINUTE = 60;
const nowSeconds = () => Math.floor(Date.now() / 1000);
const expOf = (jwt: string) => new JwtService().decode<{ exp: number }>(jwt).exp;

/**
 * a11y review #3 (WCAG 2.2.1): the pages warn before the session ends and "Stay signed in" extends
 * it in place. The app's sessions last 5 minutes (config.sessionMinutes, a test hook); the page's
 * clock is Playwright's, fast-forwarded to the warning, so nothing waits for minutes.
 */
describeInBrowser('session end warning (real browser)', () => {
  const app = useBrowserApp(() => startTestApp({ config: { sessionMinutes: 5 } }));

  /** A session as the sign-in makes one for panel.demo, signed in `ago` seconds ago and ending in `left`. */
  async function plantSession(context: BrowserContext, sessionId: string, ago: number, left: number) {
    const token = mintToken({
      secret: TEST_JWT_SECRET,
      userId: 'panel.demo',
      role: 'panel_member',
      name: 'Pat Panel (demo)',
      sessionId,
      issuedAt: new Date((nowSeconds() - ago) * 1000),
      hours: (ago + left) / 3600,
    });
    await context.addCookies([
      { name: 'cj_session', value: token, url: app.baseUrl, httpOnly: true, sameSite: 'Strict' },
    ]);
    return token;
  }
  const sessionCookie = async (context: BrowserContext) =>
    (await context.cookies(app.baseUrl)).find((cookie) => cookie.name === 'cj_session')?.value;

  it('warns before the end, announced and focused; "Stay signed in" extends the session and keeps what was typed', async () => {
    const context = await app.newContext();
    const sessionId = '0b6f6a52-8f5e-4c1e-9d55-3c0c8a1f2e01';
    // Signed in 10 minutes ago (an earlier extension), ending in 4: the warning is due in 1 minute.
    const before = await plantSession(context, sessionId, 10 * MINUTE, 4 * MINUTE);
    const page = await context.newPage();
    await page.clock.install({ time: new Date() });
    await page.goto(`${app.baseUrl}/panel/children`);
    const dialog = page.getByRole('alertdialog', { name: 'Your session is about to end' });
    const endsText = async () => (await page.locator('time[data-session-ends-text]').textContent())?.trim();
    const endsBefore = await endsText();
    expect(endsBefore).toMatch(/^\d\d:\d\d$/);
    await page.locator('input[name="q"]').fill('Sam Cooper');
    expect(await dialog.isVisible()).toBe(false);

    await page.clock.fastForward(MINUTE * 1000 + 500);
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.getAttribute('aria-describedby')).toBe('cj-session-warning-text');
    expect(await page.locator('#cj-session-warning-text').innerText()).toContain(
      `You will be signed out at ${endsBefore}`,
    );
    const stay = page.getByRole('button', { name: 'Stay signed in' });
    expect(await stay.evaluate((button) => button === button.ownerDocument.activeElement)).toBe(true);
    await screenshot(page, 'session-warning');

    // The keyboard alone: Enter on the focused button.
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/session/extend')),
      page.keyboard.press('Enter'),
    ]);
    await dialog.waitFor({ state: 'hidden' });
    const after = (await sessionCookie(context))!;
    expect(expOf(after) - expOf(before)).toBeGreaterThanOrEqual(MINUTE - 2);
    const endsAfter = await endsText();
    expect(endsAfter).not.toBe(endsBefore);
    expect(await page.locator('#cj-session-status').textContent()).toBe(
      `You are still signed in. Your session now ends at ${endsAfter}.`,
    );
    // Focus is back where the user was typing, and what they typed is still there.
    const search = page.locator('input[name="q"]');
    expect(await search.evaluate((input) => input === input.ownerDocument.activeElement)).toBe(true);
    expect(await search.inputValue()).toBe('Sam Cooper');
    // Every form on the page now carries the new session's token.
    const tokens = await Promise.all(
      (await page.locator('input[name="_csrf"]').all()).map((input) => input.inputValue()),
    );
    expect(new Set(tokens)).toEqual(new Set([sessionFormToken(after)]));
    const recorded = [];
    for await (const event of readStreamOrEmpty(app.t.store, sessionExtensionsStream(sessionId)))
      recorded.push(event.type);
    expect(recorded).toEqual(['SessionExtended']);

    // A form sent now is taken: signing out with the page's (updated) token works.
    await Promise.all([
      page.waitForURL((url) => url.pathname === '/login'),
      page.getByRole('button', { name: 'Sign out' }).click(),
    ]);
  });

  it('another tab of the same session takes up the extension: its forms get the new token and its warning moves', async () => {
    const context = await app.newContext();
    await plantSession(context, '0b6f6a52-8f5e-4c1e-9d55-3c0c8a1f2e04', 10 * MINUTE, 4 * MINUTE);
    const [first, second] = [await context.newPage(), await context.newPage()];
    for (const tab of [first, second]) {
      await tab.clock.install({ time: new Date() });
      await tab.goto(`${app.baseUrl}/panel/children`);
    }
    const endsBefore = await second.locator('time[data-session-ends-text]').textContent();
    await first.clock.fastForward(MINUTE * 1000 + 500);
    await first.getByRole('button', { name: 'Stay signed in' }).click();
    await first.getByRole('alertdialog').waitFor({ state: 'hidden' });
    const token = sessionFormToken((await sessionCookie(context))!);
    // Told by the first tab (BroadcastChannel), without a reload: polled briefly, not slept.
    const csrfOfSecond = () => second.locator('input[name="_csrf"]').first().inputValue();
    for (const deadline = Date.now() + 30_000; (await csrfOfSecond()) !== token && Date.now() < deadline;)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await csrfOfSecond()).toBe(token);
    expect(await second.locator('time[data-session-ends-text]').textContent()).not.toBe(endsBefore);
    // Its warning was due in a minute; now it is due 3 minutes before the new end, 2 minutes away.
    await second.clock.fastForward(MINUTE * 1000 + 500);
    expect(await second.getByRole('alertdialog').isVisible()).toBe(false);
  });

  it('at the 24-hour limit: the warning has no button and Escape closes it; at the end it says the session ended', async () => {
    const context = await app.newContext();
    await plantSession(
      context,
      '0b6f6a52-8f5e-4c1e-9d55-3c0c8a1f2e02',
      24 * 60 * MINUTE - 2 * MINUTE,
      2 * MINUTE,
    );
    const page = await context.newPage();
    await page.clock.install({ time: new Date() });
    await page.goto(`${app.baseUrl}/panel/children`);
    const dialog = page.getByRole('alertdialog', { name: 'Your session is about to end' });
    await dialog.waitFor({ state: 'visible' });
    expect(await page.locator('#cj-session-warning-text').innerText()).toMatch(
      /A sign-in lasts at most 24 hours, so it cannot be extended again/,
    );
    expect(await page.getByRole('button', { name: 'Stay signed in' }).count()).toBe(0);
    const close = page.getByRole('button', { name: 'Close' });
    expect(await close.evaluate((button) => button === button.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await page.clock.fastForward(2 * MINUTE * 1000 + 500);
    const endedDialog = page.getByRole('alertdialog', { name: 'Your session has ended' });
    await endedDialog.waitFor({ state: 'visible' });
    expect(await page.locator('#cj-session-warning-text').innerText()).toMatch(
      /not recorded: copy what you need, then sign in again/,
    );
  });

  it('without JavaScript the header still says when the session ends, and no dialog is in the way', async () => {
    const context = await app.newContext({ javaScriptEnabled: false });
    const token = await plantSession(context, '0b6f6a52-8f5e-4c1e-9d55-3c0c8a1f2e03', MINUTE, 2 * MINUTE);
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/panel/children`);
    const notice = page.locator('.cj-account__ends');
    expect(await notice.innerText()).toMatch(/^Session ends at \d\d:\d\d$/);
    expect(await notice.locator('time').getAttribute('datetime')).toBe(
      new Date(expOf(token) * 1000).toISOString(),
    );
    expect(await page.locator('#cj-session-warning').isVisible()).toBe(false);
  });
});
