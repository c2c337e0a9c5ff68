import type { Page } from 'playwright-core';
import type { ApiClient } from '../support/http-client';
import { newChild } from '../support/journey-setup';
import { tokenFor } from '../support/tokens';
import { useBrowserApp } from './support/browser-app';
import { describeInBrowser, screenshot } from './support/chromium';
import { signIn } from './support/sign-in';

jest.setTimeout(180_000);

/** The titles of the record forms the child's page offers. */
const offered = (page: Page): Promise<string[]> =>
  page
    .locator('#record-links a')
    .allTextContents()
    .then((texts) => texts.map((t) => t.trim()));

/** The event types on the child's stream, oldest first. */
async function eventTypes(api: ApiClient, childId: string): Promise<string[]> {
  const events = await api.get<{ items: { type: string }[] }>(`/children/${childId}/events?pageSize=200`, {
    token: tokenFor('auditor'),
  });
  return events.body.items.map((e) => e.type);
}

describeInBrowser('record forms in a real browser: the forms fit the child, care ends through a form', () => {
  const app = useBrowserApp();

  /** Opens the form by its link on the child's page, fills it in, records it, and is back on the page. */
  async function record(page: Page, title: string, fill: () => Promise<void>): Promise<void> {
    await page.locator('#record-links').getByRole('link', { name: title, exact: true }).click();
    await fill();
    await Promise.all([page.waitForURL(/recorded=/), page.getByRole('button', { name: /^Record/ }).click()]);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      `${title} recorded`,
    );
  }

  it('a child in care: temporary placement, missing episode, allocation and the end of care, each offered only when it fits', async () => {
    const childId = await newChild(app.api);
    await app.caughtUp();
    const context = await app.newContext({ viewport: { width: 1280, height: 1400 } });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, 'sw.demo', `/panel/children/${childId}`);

    const inCare = await offered(page);
    expect(inCare).toEqual(expect.arrayContaining(['End of care', 'Temporary placement', 'Review']));
    expect(inCare).not.toContain('Entry to care');
    expect(inCare).not.toContain('End of the temporary placement');

    // Withdrawn placement types are not offered on today's form.
    await page.locator('#record-links').getByRole('link', { name: 'Placement change', exact: true }).click();
    const placementTypes = (await page.locator('#placement-placementType option').all()).map((o) =>
      o.getAttribute('value'),
    );
    const values = await Promise.all(placementTypes);
    expect(values).toContain('U4');
    for (const withdrawn of ['H5', 'Z1', 'P2']) expect(values).not.toContain(withdrawn);
    await page.goBack();

    await record(page, 'Temporary placement', async () => {
      await page.getByLabel('Date the temporary placement began').fill('2023-03-01');
      await page.getByLabel('Temporary placement type').selectOption('T2');
    });
    const inTemporary = await offered(page);
    expect(inTemporary).toContain('End of the temporary placement');
    expect(inTemporary).not.toContain('End of care');
    expect(inTemporary).not.toContain('Placement change');
    await record(page, 'End of the temporary placement', () =>
      page.getByLabel('Date the child went back to the usual placement').fill('2023-03-05'),
    );

    await record(page, 'Missing or away from placement', async () => {
      await page.getByLabel('Date the child went missing or away').fill('2023-04-01');
      await page.getByLabel('Missing or away without authorisation').selectOption('M');
    });
    expect(await offered(page)).toContain('Back from missing or away');
    await record(page, 'Back from missing or away', () =>
      page.getByLabel('Date the child came back').fill('2023-04-02'),
    );

    await record(page, 'Allocation (team and social worker)', async () => {
      await page.getByLabel('Date of the allocation').fill('2023-05-01');
      await page.getByLabel('Team', { exact: true }).selectOption('Children in Care South');
      await page.getByLabel('Social worker').selectOption('sw.demo');
    });

    await record(page, 'End of care', async () => {
      await page.getByLabel('Date the child stopped being looked after').fill('2023-06-01');
      await page.getByLabel('Why care ended').selectOption('E4A');
    });
    await screenshot(page, '24-care-ended-through-the-form');
    const ended = await offered(page);
    expect(ended).toContain('Entry to care');
    expect(ended).not.toContain('End of care');
    expect(await page.locator('.govuk-summary-list').textContent()).toMatch(/Looked after\s*No/);

    expect(await eventTypes(app.api, childId)).toEqual([
      'ChildRegistered',
      'PeriodOfCareStarted',
      'TemporaryPlacementStarted',
      'TemporaryPlacementEnded',
      'MissingEpisodeStarted',
      'MissingEpisodeEnded',
      'AllocationChanged',
      'PeriodOfCareEnded',
    ]);
  });

  it('a child on short breaks (V3) is not offered a review or a temporary placement', async () => {
    const childId = await newChild(app.api, { inCare: false });
    const started = await app.api.post(
      `/children/${childId}/periods-of-care`,
      {
        effectiveDate: '2023-02-06',
        legalStatus: 'V3',
        categoryOfNeed: 'N1',
        // Not U1/U4: short breaks are never a long-term foster placement (903 rule 384).
        placement: { placementType: 'U6', provider: 'PR1', postcode: 'LS1 4AB', inArea: true },
      },
      { token: tokenFor('social_worker', 'alice') },
    );
    expect(started.status).toBe(201);
    await app.caughtUp();
    const context = await app.newContext();
    const page = await context.newPage();
    await signIn(page, app.baseUrl, 'sw.demo', `/panel/children/${childId}`);
    const forms = await offered(page);
    expect(forms).toContain('End of care');
    expect(forms).not.toContain('Review');
    expect(forms).not.toContain('Temporary placement');
  });
});
