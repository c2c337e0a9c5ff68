import type { APIResponse, Page, Route } from 'playwright-core';
import { eventCount, newChild } from '../support/journey-setup';
import { useBrowserApp } from './support/browser-app';
import { describeInBrowser, screenshot } from './support/chromium';
import { signIn } from './support/sign-in';

jest.setTimeout(180_000);

const FORM = 'placement-change';

/** A move to another carer, filled in on the open placement-change form. */
async function fillPlacementChange(page: Page, date: string): Promise<void> {
  await page.getByLabel('Date of the move').fill(date);
  await page.getByLabel('Placement type').selectOption('U4');
  await page.getByLabel('Placement provider').selectOption('PR2');
  await page.getByLabel('Reason for the change').selectOption('CARPL');
  await page.locator('input[name="sameCarer"][value="false"]').check();
}

/** What the server answered each form post the browser made (redirects not followed). */
interface Answered {
  status: number;
  location: string | undefined;
}

interface Post {
  /** 0 for the first post of the form, 1 for the next... */
  index: number;
  route: Route;
  /** Passes the post to the server and notes its answer; the browser has not had it yet. */
  send(): Promise<APIResponse>;
}

/**
 * Puts the test between the browser and the server for the form's posts: `pass` decides when
 * each post reaches the server and what the browser then gets, so the test knows how many
 * reached the server and what each was answered, whatever the browser did with the answer.
 */
async function onFormPosts(page: Page, pass: (post: Post) => Promise<void>): Promise<Answered[]> {
  const answered: Answered[] = [];
  let posts = 0;
  await page.route(`**/record/${FORM}`, async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    const send = async () => {
      const response = await route.fetch({ maxRedirects: 0 });
      answered.push({ status: response.status(), location: response.headers()['location'] });
      return response;
    };
    await pass({ index: posts++, route, send });
  });
  return answered;
}

/** The server's answer to the browser; a post the browser gave up on (a second click) drops it. */
const deliver = (route: Route, response: APIResponse): Promise<void> =>
  route.fulfill({ response }).catch(() => undefined);

/** Passes every post straight through. */
const straight = async ({ route, send }: Post): Promise<void> => deliver(route, await send());

interface Point {
  x: number;
  y: number;
}

/**
 * Where an element is on the screen, measured before anything is sent: while a form's send is
 * pending Playwright's own element look-ups wait for the navigation, a person's clicks do not.
 */
async function whereIs(page: Page, selector: string): Promise<Point> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`nothing on the page at ${selector}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A plain mouse click, as a person makes it, whatever the page is busy with. */
const clickAt = (page: Page, { x, y }: Point): Promise<void> => page.mouse.click(x, y);

const RECORD_BUTTON = 'form[action*="/record/"] button[type="submit"]';

/** A promise with its resolver, to hold one post until another arrives. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const within = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits for `promise`, or `ms` at most (a post is never held for ever if the other never comes). */
async function atMost(promise: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise<void>((r) => (timer = setTimeout(r, ms)))]);
  clearTimeout(timer);
}

/**
 * Waits until the page shows `url` (waitForURL gives up when it sees the first, abandoned send's
 * navigation aborted, which is what a second click does).
 */
async function landsOn(page: Page, url: RegExp): Promise<void> {
  // For a time, not 150 tries: a send's answer can take seconds on a loaded 2-core machine.
  for (const deadline = Date.now() + 45_000; !url.test(page.url()) && Date.now() < deadline;)
    await within(100);
  expect(page.url()).toMatch(url);
  await page.waitForLoadState();
}

describeInBrowser('record forms in a real browser: the same form sent twice is recorded once', () => {
  // Closes each test's context after it, letting go of posts a failed test still holds.
  const app = useBrowserApp();

  /**
   * A child in care (2 events), in the read models, and a signed-in social worker on its form, in
   * a window tall enough to show the whole form (clicks go to where things are on the screen).
   */
  async function openFormForNewChild(javaScriptEnabled: boolean): Promise<{ page: Page; childId: string }> {
    const childId = await newChild(app.api);
    await app.caughtUp();
    const context = await app.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 1800 } });
    const page = await context.newPage();
    await signIn(page, app.baseUrl, 'sw.demo', `/panel/children/${childId}/record/${FORM}`);
    return { page, childId };
  }

  it('with JavaScript off, Record clicked again while the first send is pending: both reach the server, one event, the same page', async () => {
    const { page, childId } = await openFormForNewChild(false);
    await fillPlacementChange(page, '2023-03-15');
    // The first post waits (a slow server) until the impatient second one has been sent too.
    const second = signal();
    const answered = await onFormPosts(page, async (post) => {
      if (post.index === 0) await atMost(second.promise, 30_000);
      else second.resolve();
      await straight(post);
    });

    const record = await whereIs(page, RECORD_BUTTON);
    await Promise.all([page.waitForRequest((r) => r.method() === 'POST'), clickAt(page, record)]);
    await within(200);
    await clickAt(page, record);
    await landsOn(page, /recorded=placement-change/);

    expect(answered).toHaveLength(2);
    expect(answered.map((a) => a.status)).toEqual([303, 303]);
    expect(answered[1].location).toBe(answered[0].location);
    expect(await eventCount(app.api, childId)).toBe(3);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      'Placement change recorded',
    );
    await screenshot(page, '20-record-clicked-twice-recorded-once');
  });

  it('with JavaScript on, a double click is recorded once and lands on the child’s page', async () => {
    const { page, childId } = await openFormForNewChild(true);
    await fillPlacementChange(page, '2023-03-15');
    const answered = await onFormPosts(page, straight);

    await Promise.all([
      page.waitForURL(/recorded=placement-change/),
      page.getByRole('button', { name: /^Record/ }).dblclick(),
    ]);

    expect(answered.length).toBeGreaterThanOrEqual(1);
    expect(new Set(answered.map((a) => `${a.status} ${a.location}`)).size).toBe(1);
    expect(answered[0].status).toBe(303);
    expect(await eventCount(app.api, childId)).toBe(3);
  });

  it('the answer is lost after the server recorded it; reloading sends the form again and lands on the same result, recorded once', async () => {
    const { page, childId } = await openFormForNewChild(true);
    await fillPlacementChange(page, '2023-03-15');
    const answered = await onFormPosts(page, async (post) => {
      if (post.index > 0) return straight(post);
      // Recorded by the server, then the connection drops before the browser hears of it.
      await post.send();
      await post.route.abort('connectionreset');
    });

    await page
      .getByRole('button', { name: /^Record/ })
      .click()
      .catch(() => undefined);
    await page.waitForURL((url) => url.protocol === 'chrome-error:');
    expect(await eventCount(app.api, childId)).toBe(3);

    // Reload re-posts the same form: same key, same answers.
    await page.reload();
    await page.waitForURL(/recorded=placement-change/);
    expect(answered).toHaveLength(2);
    expect(answered.map((a) => a.status)).toEqual([303, 303]);
    expect(answered[1].location).toBe(answered[0].location);
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe(answered[0].location);
    expect(await eventCount(app.api, childId)).toBe(3);
    await screenshot(page, '21-record-answer-lost-reloaded');
  });

  it('answers changed and sent again with the same form: the API’s message, nothing more recorded; the refilled form is a new entry', async () => {
    const { page, childId } = await openFormForNewChild(false);
    await fillPlacementChange(page, '2023-03-15');
    // The first post is recorded but its answer held back while the date is changed and the
    // form sent again; the changed one reaches the server after the first was recorded.
    const first = signal();
    const second = signal();
    const answered = await onFormPosts(page, async (post) => {
      if (post.index === 0) {
        const response = await post.send();
        first.resolve();
        await atMost(second.promise, 30_000);
        await deliver(post.route, response);
      } else {
        second.resolve();
        await first.promise;
        await straight(post);
      }
    });

    const [record, date] = [await whereIs(page, RECORD_BUTTON), await whereIs(page, '#effectiveDate')];
    await Promise.all([page.waitForRequest((r) => r.method() === 'POST'), clickAt(page, record)]);
    await first.promise;
    await clickAt(page, date);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('2023-03-16');
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.status() === 422),
      clickAt(page, record),
    ]);
    expect(refused.status()).toBe(422);
    expect(answered.map((a) => a.status)).toEqual([303, 422]);
    const summary = (await page.locator('#key-reused-form').textContent()) ?? '';
    expect(summary).toContain('Nothing was recorded');
    expect(summary).toContain(`Idempotency-Key was already used for a different request to child ${childId}`);
    expect(await page.getByLabel('Date of the move').inputValue()).toBe('2023-03-16');
    expect(await eventCount(app.api, childId)).toBe(3);
    await screenshot(page, '22-record-form-key-reused');

    // Sent again after reading the message: a new entry, recorded once.
    await Promise.all([
      page.waitForURL(/recorded=placement-change/),
      page.getByRole('button', { name: /^Record/ }).click(),
    ]);
    expect(await eventCount(app.api, childId)).toBe(4);
  });
});
