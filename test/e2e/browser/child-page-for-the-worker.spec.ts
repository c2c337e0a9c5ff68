import { apiClient } from '../support/http-client';
import { registerBody, startCareBody } from '../support/journey-bodies';
import { startTestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';
import { useBrowserApp } from './support/browser-app';
import { describeInBrowser, screenshot } from './support/chromium';
import { signIn } from './support/sign-in';

jest.setTimeout(120_000);

/** Frontline review F14: the child page as a social worker reads it before a visit. */
describeInBrowser('the child page for a social worker (real browser)', () => {
  const app = useBrowserApp(() => startTestApp());

  it('Given a child found by "Mira", When the worker opens it, Then the back link returns to the same search, the social worker is named, and Replay is folded away closed', async () => {
    const api = apiClient(app.baseUrl);
    const sw = { token: tokenFor('social_worker', 'sw.demo') };
    const registered = await api.post<{ childId: string; globalPosition: string }>(
      '/children',
      registerBody({ childRef: 'F14-1', name: 'Mira Fourteen', socialWorker: 'sw.demo' }),
      sw,
    );
    expect(registered.status).toBe(201);
    const { childId } = registered.body;
    const care = await api.post<{ globalPosition: string }>(
      `/children/${childId}/periods-of-care`,
      startCareBody,
      sw,
    );
    await api.get(`/children?q=mira&minPosition=${care.body.globalPosition}`, sw);

    const page = await app.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, app.baseUrl, 'sw.demo', '/panel/children?q=Mira');
    // The child's link carries the search sealed, never its words (review s15 F8).
    await Promise.all([
      page.waitForURL(/\/panel\/children\/[^/?]+\?found=[A-Za-z0-9_-]+$/),
      page.getByRole('link', { name: 'Mira Fourteen' }).click(),
    ]);
    expect(page.url()).not.toContain('Mira');

    const back = page.locator('#back-link');
    await expect(back.textContent()).resolves.toBe('Back to find a child');
    await expect(back.getAttribute('href')).resolves.toMatch(/^\/panel\/children\?s=[A-Za-z0-9_-]+$/);
    // The users file's name, not the login id.
    await expect(page.locator('.govuk-summary-list').textContent()).resolves.toMatch(
      /Children in Care North, Sam Worker/,
    );
    // Replay: an auditor's tool, closed for the worker; the form is inside it.
    expect(await page.locator('#replay-details').getAttribute('open')).toBeNull();
    expect(await page.locator('#replay-details #replay-form').count()).toBe(1);
    expect(await page.getByLabel('As at').isVisible()).toBe(false);
    await screenshot(page, 'child-page-for-the-worker');

    await Promise.all([page.waitForURL(/\/panel\/children\?s=[A-Za-z0-9_-]+$/), back.click()]);
    await expect(page.locator('#children-table').textContent()).resolves.toContain('Mira Fourteen');
  });

  it('Given the going-home audit form, Then it says what the audit is and when it is due (DR10)', async () => {
    const api = apiClient(app.baseUrl);
    const sw = { token: tokenFor('social_worker', 'sw.demo') };
    const { childId } = (
      await api.post<{ childId: string }>(
        '/children',
        registerBody({ childRef: 'F14-2', socialWorker: 'sw.demo' }),
        sw,
      )
    ).body;
    expect((await api.post(`/children/${childId}/periods-of-care`, startCareBody, sw)).status).toBe(201);
    const page = await app.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, app.baseUrl, 'sw.demo', `/panel/children/${childId}/record/going-home-audit`);
    await expect(page.locator('#form-intro').textContent()).resolves.toContain(
      'due 6 months after the child joined that group (care started or changed to V2, or the 16th birthday in care), then 6 months after the last audit',
    );
  });

  it('Given a panel member, When the child page opens from the drift report, Then Replay stays open and the back link is the drift report', async () => {
    const api = apiClient(app.baseUrl);
    const { childId } = (
      await api.post<{ childId: string }>(
        '/children',
        registerBody({ childRef: 'F14-3', socialWorker: 'sw.demo' }),
        { token: tokenFor('social_worker', 'sw.demo') },
      )
    ).body;
    const page = await app.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, app.baseUrl, 'panel.demo', `/panel/children/${childId}`);
    await expect(page.locator('#back-link').textContent()).resolves.toBe('Drift report');
    expect(await page.locator('#replay-details').count()).toBe(0);
    expect(await page.getByLabel('As at').isVisible()).toBe(true);
  });
});
