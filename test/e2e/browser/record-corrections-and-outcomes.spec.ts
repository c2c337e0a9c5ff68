import type { Page } from 'playwright-core';
import { addMonths, dateInEngland } from '@care-journey/journey';
import { formatDate } from '../../../apps/api/src/web/html/format';
import type { ApiClient } from '../support/http-client';
import { registerBody } from '../support/journey-bodies';
import { newChild } from '../support/journey-setup';
import { tokenFor } from '../support/tokens';
import { useBrowserApp } from './support/browser-app';
import { describeInBrowser, screenshot } from './support/chromium';
import { signIn } from './support/sign-in';

jest.setTimeout(180_000);

const today = (): string => dateInEngland(new Date().toISOString());
/** The latest 31 March on or before today: a collection year that has ended. */
const lastYearEnd = (): string => {
  const date = today();
  const year = Number(date.slice(0, 4));
  return date >= `${year}-03-31` ? `${year}-03-31` : `${year - 1}-03-31`;
};

let refs = 0;
/** Registers a child born on `dateOfBirth` (registered on `registeredOn`) and returns its id. */
async function registered(api: ApiClient, dateOfBirth: string, registeredOn: string): Promise<string> {
  refs += 1;
  const answer = await api.post<{ childId: string }>(
    '/children',
    registerBody({ childRef: `CO-${refs}`, dateOfBirth, effectiveDate: registeredOn }),
    { token: tokenFor('social_worker', 'alice') },
  );
  if (answer.status !== 201) throw new Error(`register failed: ${JSON.stringify(answer.body)}`);
  return answer.body.childId;
}

async function post(api: ApiClient, path: string, body: object): Promise<Record<string, unknown>> {
  const answer = await api.post(path, body, { token: tokenFor('social_worker', 'alice') });
  if (answer.status !== 201) throw new Error(`${path} failed: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

const placement = { placementType: 'U4', provider: 'PR1', postcode: 'LS1 4AB', inArea: true };

/** The event types on the child's stream, oldest first, with their data. */
async function events(api: ApiClient, childId: string) {
  const page = await api.get<{ items: { id: string; type: string; data: Record<string, unknown> }[] }>(
    `/children/${childId}/events?pageSize=200`,
    { token: tokenFor('auditor') },
  );
  return page.body.items;
}

/** The form's inline error beside the field with this id (GOV.UK: `<id>-error`). */
const errorBeside = (page: Page, id: string) => page.locator(`#${id}-error`).textContent();

describeInBrowser(
  'record forms in a real browser: corrections, health outcomes (OC2), care leaver contacts (OC3)',
  () => {
    const app = useBrowserApp();
    const caughtUp = () => app.caughtUp();

    async function openAs(username: string, path: string): Promise<Page> {
      const page = await app.newPage({ viewport: { width: 1280, height: 1400 } });
      await signIn(page, app.baseUrl, username, path);
      return page;
    }

    /** Records the form on the page and waits for the child's page with its notice. */
    async function send(page: Page, title: string): Promise<void> {
      await Promise.all([
        page.waitForURL(/recorded=/),
        page.getByRole('button', { name: /^Record/ }).click(),
      ]);
      expect(await page.locator('.govuk-notification-banner').textContent()).toContain(`${title} recorded`);
    }

    /** Sends the form and expects it back refused (status), nothing recorded. */
    async function refused(page: Page, status: number): Promise<void> {
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.getByRole('button', { name: /^Record/ }).click(),
      ]);
      expect(answer.status()).toBe(status);
      await page.waitForLoadState();
    }

    it('health outcomes (OC2) for a child looked after all year: refused by field, then recorded and shown', async () => {
      const yearEnd = lastYearEnd();
      // Six at the year end: an SDQ score or reason is due, the under-5 and 10+ items are not.
      const childId = await registered(app.api, addMonths(yearEnd, -6 * 12), addMonths(yearEnd, -14));
      await post(app.api, `/children/${childId}/periods-of-care`, {
        effectiveDate: addMonths(yearEnd, -13),
        legalStatus: 'C2',
        categoryOfNeed: 'N1',
        placement,
      });
      await caughtUp();
      const page = await openAs('sw.demo', `/panel/children/${childId}`);
      const title = 'Annual health outcomes (903 OC2)';
      await page.locator('#record-links').getByRole('link', { name: title, exact: true }).click();
      expect(await page.locator('form[action*="/record/"]').getAttribute('autocomplete')).toBe('off');

      await page.getByLabel('Year ending').fill(yearEnd);
      for (const [question, answer] of [
        ['Immunisations up to date?', 'Yes'],
        ['Teeth checked by a dentist in the year?', 'Yes'],
        ['Annual health assessment up to date?', 'No'],
        ['Identified as having a substance misuse problem?', 'No'],
      ])
        await page.getByRole('group', { name: question }).getByLabel(answer, { exact: true }).check();
      // No SDQ score and no reason: the journey refuses it, beside the SDQ score, in the form's words.
      await refused(page, 422);
      expect(await errorBeside(page, 'sdqScore')).toContain('Give either an SDQ score');
      await screenshot(page, '30-health-outcomes-refused-by-field');

      await page.getByRole('textbox', { name: /^SDQ score/ }).fill('14');
      await send(page, title);
      const row = page.locator('#entries-table tr', { hasText: 'Annual health outcomes recorded' });
      expect(await row.textContent()).toContain('SDQ score 14');
      expect(await row.textContent()).toContain('immunisations up to date yes');
      // The only year the child was looked after throughout is recorded: the form is not offered again.
      expect(await page.locator('#record-links a').allTextContents()).not.toContain(title);
    });

    it('a care leaver contact (OC3) near the 18th birthday: refused by field, then recorded and shown', async () => {
      // Eighteen next month; looked after from 14 to 16 (a former relevant child), so a care leaver.
      const dateOfBirth = addMonths(today(), -18 * 12 + 1);
      const careStart = addMonths(dateOfBirth, 14 * 12 + 2);
      const childId = await registered(app.api, dateOfBirth, careStart);
      await post(app.api, `/children/${childId}/periods-of-care`, {
        effectiveDate: careStart,
        legalStatus: 'C2',
        categoryOfNeed: 'N1',
        placement,
      });
      await post(app.api, `/children/${childId}/periods-of-care/end`, {
        effectiveDate: addMonths(dateOfBirth, 16 * 12 + 2),
        reason: 'E8',
      });
      await caughtUp();
      const page = await openAs('sw.demo', `/panel/children/${childId}`);
      const title = 'Care leaver contact (903 OC3)';
      await page.locator('#record-links').getByRole('link', { name: title, exact: true }).click();

      await page.getByLabel('Date of the contact').fill(today());
      await page.getByLabel('In touch with the authority').selectOption('YES');
      await page.getByLabel('Main activity').selectOption('0');
      await page.getByLabel('Accommodation and whether it is suitable').selectOption('0');
      // In touch, yet activity not known: the journey refuses it beside the activity.
      await refused(page, 422);
      expect(await errorBeside(page, 'activity')).toContain(
        'In touch with the authority YES needs a known activity',
      );
      expect(await page.getByLabel('In touch with the authority').inputValue()).toBe('YES');

      await page.getByLabel('Main activity').selectOption('F2');
      await page.getByLabel('Accommodation and whether it is suitable').selectOption('E1');
      await send(page, title);
      const row = page.locator('#entries-table tr', { hasText: 'Care leaver contact recorded' });
      expect(await row.textContent()).toContain('in touch YES');
      await screenshot(page, '31-care-leaver-contact-recorded');
    });

    it('a review is corrected from its entry (its own rules refused by field), then withdrawn; the panel sees neither reason', async () => {
      const childId = await newChild(app.api);
      await post(app.api, `/children/${childId}/reviews`, {
        effectiveDate: '2023-03-01',
        participation: 'PN0',
      });
      const review = (await events(app.api, childId)).find((e) => e.type === 'StatutoryReviewHeld')!;
      await caughtUp();
      const page = await openAs('sw.demo', `/panel/children/${childId}`);

      const row = page.locator(`#entry-${review.id}`);
      await row.getByRole('link', { name: /^Correct/ }).click();
      expect(new URL(page.url()).pathname).toBe(`/panel/children/${childId}/record/amend`);
      // Pre-filled with the entry as recorded, and naming it.
      expect(await page.getByLabel('Date of the review').inputValue()).toBe('2023-03-01');
      expect(await page.getByLabel('How the child took part').inputValue()).toBe('PN0');
      expect(await page.locator('#corrected-entry').textContent()).toContain('Review held, 1 March 2023');
      expect(await page.locator('form[action*="/record/"]').getAttribute('autocomplete')).toBe('off');

      // Not a real date: the review's own rule, beside the review's date, nothing recorded.
      await page.getByLabel('Date of the review').fill('2023-02-30');
      await page.getByLabel('Why it is being corrected').fill('Wrong date keyed');
      await refused(page, 400);
      expect(await errorBeside(page, 'amendedData-effectiveDate')).toContain('Date of the review');
      await screenshot(page, '32-correction-refused-by-field');
      // A one-year-old takes part as PN0: the journey's rule for a review, beside that field.
      await page.getByLabel('Date of the review').fill('2023-03-03');
      await page.getByLabel('How the child took part').selectOption('PN1');
      await refused(page, 422);
      expect(await errorBeside(page, 'amendedData-participation')).toMatch(
        /^Error: The statutory review on 1 March 2023 cannot be corrected like this: .*must be PN0/,
      );
      expect((await events(app.api, childId)).map((e) => e.type)).not.toContain('EntryAmended');

      await page.getByLabel('How the child took part').selectOption('PN0');
      await send(page, 'Correction of an entry');
      const corrected = page.locator(`#entry-${review.id}`);
      expect(await corrected.textContent()).toContain('3 March 2023');
      expect(await corrected.textContent()).toContain('Wrong date keyed');
      await screenshot(page, '33-entry-corrected-on-the-child-page');
      const amendment = (await events(app.api, childId)).find((e) => e.type === 'EntryAmended')!;
      // Only what changed is sent, laid over the entry.
      expect(amendment.data.amendedData).toEqual({ effectiveDate: '2023-03-03' });

      // The panel sees that the entry was corrected, never why.
      const panel = await app.newContext();
      const panelPage = await panel.newPage();
      await signIn(panelPage, app.baseUrl, 'panel.demo', `/panel/children/${childId}`);
      const seen = await panelPage.locator(`#entry-${review.id}`).textContent();
      expect(seen).toContain('Corrected');
      expect(seen).not.toContain('Wrong date keyed');
      expect(await panelPage.getByRole('link', { name: /^(Correct|Withdraw)/ }).count()).toBe(0);
      const form = await panelPage.goto(
        `${app.baseUrl}/panel/children/${childId}/record/amend?entry=${review.id}`,
      );
      expect(form?.status()).toBe(403);
      await panel.close();

      await corrected.getByRole('link', { name: /^Withdraw/ }).click();
      expect(await page.locator('#corrected-entry').textContent()).toContain('Review held, 3 March 2023');
      await page.getByLabel('Why it is being withdrawn').fill('Recorded on the wrong child');
      await send(page, 'Withdrawal of an entry');
      expect(await page.locator(`#entry-${review.id}`).count()).toBe(0);
      expect((await events(app.api, childId)).map((e) => e.type)).toContain('EntryRetracted');
    });

    it('the child’s details are corrected from the child’s page: a reference another child holds is refused by field, then a name corrected', async () => {
      const other = await newChild(app.api);
      const childId = await newChild(app.api);
      const held = await app.api.get<{ child: { childRef: string } }>(`/children/${other}`, {
        token: tokenFor('social_worker'),
      });
      await caughtUp();
      const page = await openAs('sw.demo', `/panel/children/${childId}`);
      await page
        .locator('#correct-details')
        .getByRole('link', { name: 'Correct the child’s details' })
        .click();
      expect(await page.getByLabel('Full name', { exact: true }).inputValue()).toBe('Sam Taylor');
      expect(await page.locator('#corrected-entry').textContent()).toContain('Child registered');

      await page.getByLabel('903 child reference').fill(held.body.child.childRef);
      await page.getByLabel('Why it is being corrected').fill('Reference keyed wrongly');
      await refused(page, 409);
      expect(await errorBeside(page, 'amendedData-childRef')).toContain(
        `903 child reference ${held.body.child.childRef} is already used by another child`,
      );
      expect((await events(app.api, childId)).map((e) => e.type)).not.toContain('EntryAmended');

      const own = await app.api.get<{ child: { childRef: string } }>(`/children/${childId}`, {
        token: tokenFor('social_worker'),
      });
      await page.getByLabel('903 child reference').fill(own.body.child.childRef);
      await page.getByLabel('Full name', { exact: true }).fill('Sam Tayler');
      await send(page, 'Correction of an entry');
      expect(await page.locator('h1').textContent()).toBe('Sam Tayler');
      const amendment = (await events(app.api, childId)).find((e) => e.type === 'EntryAmended')!;
      expect(amendment.data.amendedData).toEqual({ name: 'Sam Tayler' });
    });

    it('a date of birth that would make the child 18 before the start of care: refused beside Date of birth, the start of care told in words', async () => {
      const registeredOn = addMonths(today(), -6);
      const careStart = addMonths(today(), -5);
      const childId = await registered(app.api, addMonths(today(), -10 * 12), registeredOn);
      await post(app.api, `/children/${childId}/periods-of-care`, {
        effectiveDate: careStart,
        legalStatus: 'C2',
        categoryOfNeed: 'N1',
        placement,
      });
      await caughtUp();
      const page = await openAs('sw.demo', `/panel/children/${childId}`);
      await page
        .locator('#correct-details')
        .getByRole('link', { name: 'Correct the child’s details' })
        .click();
      // Born 18½ years before the start of care: that entry, not the registration, breaks.
      const tooOld = addMonths(careStart, -(18 * 12 + 6));
      await page.getByLabel('Date of birth', { exact: true }).fill(tooOld);
      await page.getByLabel('Why it is being corrected').fill('Year keyed wrongly');
      await refused(page, 422);
      expect(await errorBeside(page, 'amendedData-dateOfBirth')).toContain(
        `the start of care on ${formatDate(careStart)} would then be on or after the child's 18th birthday`,
      );
      expect(await page.locator('#amendedData-effectiveDate-error').count()).toBe(0);
      await screenshot(page, '34-date-of-birth-refused-for-the-start-of-care');
      expect((await events(app.api, childId)).map((e) => e.type)).not.toContain('EntryAmended');
    });
  },
);
