/**
 * Web review #1: a record form sent after the session changed keeps what was typed.
 * - Signed in again (another tab) since the form was opened: its token is the old session's, so the
 *   CSRF guard refuses it and nothing is recorded; from this service's own page it comes back filled
 *   in, with this session's token and "Your session changed" (a `form` read in the trail). Sent
 *   again, it is recorded once.
 * - From another site (Sec-Fetch-Site / Origin), or with no cookie at all: the plain refusal or the
 *   sign-in, nothing recorded and nothing of the forged answers shown.
 * - Session ended (signed out, expired): the sign-in returns to the form (`next`), not the drift report.
 * Real HTTP app, real SQLite file.
 */
import { DEMO_PASSWORD } from '../../../apps/api/src/web/auth/user-directory';
import { apiClient, type ApiClient } from '../support/http-client';
import { registerBody } from '../support/journey-bodies';
import { eventCount, namedChildrenInCare } from '../support/journey-setup';
import { startTestApp, type TestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';
import { trailEntriesAfter } from '../support/trail-entries';

/** A browser's cookie jar, reduced to name → value from Set-Cookie headers. */
class Jar {
  readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      const value = pair.slice(at + 1);
      if (value === '' || /Max-Age=0/i.test(line)) this.cookies.delete(pair.slice(0, at));
      else this.cookies.set(pair.slice(0, at), value);
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/** The hidden and filled-in inputs of a rendered form, by name. */
function inputsOf(page: string): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const match of page.matchAll(/<input\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(match[0])?.[1];
    const value = /\bvalue="([^"]*)"/.exec(match[0])?.[1];
    if (name && value !== undefined) inputs[name] = value;
  }
  return inputs;
}

/** Each drop-down of a page: its options' values, and the one selected. */
function selectsOf(page: string): Record<string, { options: string[]; selected: string | undefined }> {
  const selects: Record<string, { options: string[]; selected: string | undefined }> = {};
  for (const [, attributes, body] of page.matchAll(/<select\b([^>]*)>(.*?)<\/select>/gs)) {
    const name = /\bname="([^"]+)"/.exec(attributes)![1];
    const options = [...body.matchAll(/<option value="([^"]*)"([^>]*)>/g)];
    selects[name] = {
      options: options.map(([, value]) => value),
      selected: options.find(([, , rest]) => /\bselected\b/.test(rest))?.[1],
    };
  }
  return selects;
}

/** Where the record form posts (the page's header has a sign-out form too). */
const formAction = (page: string): string =>
  /<form method="post" action="([^"]*\/(?:record\/|new)[^"]*)"/.exec(page)![1];

/** What a browser sends with a form from this service's own page. */
const SAME_ORIGIN = { 'sec-fetch-site': 'same-origin' };
/** What a browser sends with a form another site made it post. */
const CROSS_SITE = { 'sec-fetch-site': 'cross-site', origin: 'https://elsewhere.example' };

function browser(baseUrl: string) {
  const jar = new Jar();
  const get = async (path: string): Promise<Response> => {
    const response = await fetch(`${baseUrl}${path}`, {
      redirect: 'manual',
      headers: { cookie: jar.header() },
    });
    jar.take(response);
    return response;
  };
  const post = async (
    path: string,
    fields: Record<string, string>,
    headers: Record<string, string> = SAME_ORIGIN,
    cookie = jar.header(),
  ): Promise<Response> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', cookie },
      body: new URLSearchParams(fields).toString(),
    });
    jar.take(response);
    return response;
  };
  /** Signs in (again: a new session, as in another tab); answers where the sign-in went. */
  const signIn = async (next?: string): Promise<string> => {
    const form = await get(`/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
    const fields = inputsOf(await form.text());
    const signedIn = await post('/login', { ...fields, username: 'sw.demo', password: DEMO_PASSWORD });
    expect(signedIn.status).toBe(303);
    return signedIn.headers.get('location')!;
  };
  /** Opens a form page: its HTML, inputs and where it posts. */
  const open = async (path: string) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    const page = await response.text();
    return { page, inputs: inputsOf(page), action: formAction(page) };
  };
  return { jar, get, post, signIn, open };
}

describe('a record form sent after the session changed (web review #1)', () => {
  let t: TestApp;
  let api: ApiClient;
  let childId: string;
  const auditor = tokenFor('auditor', 'form-session-auditor');
  const trailOf = (read: () => Promise<unknown>) => trailEntriesAfter(api, auditor, read, childId);
  const review = { effectiveDate: '2023-03-02', participation: 'PN0' };

  beforeAll(async () => {
    // The scenarios sign sw.demo in a dozen times from one address: room for that in the sign-in
    // limit (its own specs test it), so none is refused as too many.
    const roomy = { capacity: 1000, refillPerMinute: 1000 };
    t = await startTestApp({
      app: { security: { loginRateLimits: { perClient: roomy, perUsernameAtClient: roomy } } },
    });
    api = apiClient(t.baseUrl);
    const made = await namedChildrenInCare(api, ['Sally Session'], 'SESS');
    childId = made.ids[0];
    const caughtUp = await api.get(`/drift-report?minPosition=${made.position}`, {
      token: tokenFor('reporting_job'),
    });
    expect(caughtUp.status).toBe(200);
  }, 60_000);
  afterAll(() => t?.close());

  it('Given a form opened, then a new sign-in in another tab, When the old form is sent, Then nothing is recorded and it comes back filled in with a fresh token; sent again, it is recorded once', async () => {
    const b = browser(t.baseUrl);
    await b.signIn();
    const opened = await b.open(`/panel/children/${childId}/record/review`);
    await b.signIn(); // another tab: a new session, a new token
    const before = await eventCount(api, childId);

    let refilled = '';
    const read = await trailOf(async () => {
      const sent = await b.post(opened.action, { ...opened.inputs, ...review });
      expect(sent.status).toBe(403);
      refilled = await sent.text();
    });
    expect(await eventCount(api, childId)).toBe(before);
    expect(refilled).toContain('Your session changed: check the answers and send again');
    expect(refilled).not.toContain('You cannot see this page');
    expect(refilled).toContain('Sally Session');
    expect(refilled).toContain('value="2023-03-02"');
    expect(refilled).toMatch(/<option value="PN0" selected>/);
    const again = inputsOf(refilled);
    expect(again._csrf).not.toBe(opened.inputs._csrf);
    expect(again.idempotencyKey).toBe(opened.inputs.idempotencyKey);
    expect(again.revision).toBe(opened.inputs.revision);
    // Shown by name: a read of the child, as every render of a record form is.
    expect(read).toEqual([
      expect.objectContaining({ readBy: 'sw.demo', childId, view: 'form', query: { form: 'review' } }),
    ]);

    const resent = await b.post(formAction(refilled), { ...again, ...review });
    expect(resent.status).toBe(303);
    expect(await eventCount(api, childId)).toBe(before + 1);
    // The same form sent once more is the same command: still one entry.
    await b.post(formAction(refilled), { ...again, ...review });
    expect(await eventCount(api, childId)).toBe(before + 1);
  });

  it('Given a withdrawal with its reason typed, When it is sent after a new sign-in, Then the reason comes back as typed and nothing is withdrawn', async () => {
    const events = await api.get<{ items: { id: string; type: string }[] }>(`/children/${childId}/events`, {
      token: auditor,
    });
    const reviewed = events.body.items.find((e) => e.type === 'StatutoryReviewHeld')!;
    const b = browser(t.baseUrl);
    await b.signIn();
    const opened = await b.open(`/panel/children/${childId}/record/withdraw?entry=${reviewed.id}`);
    expect(opened.action).toBe(`/panel/children/${childId}/record/withdraw?entry=${reviewed.id}`);
    await b.signIn();
    const before = await eventCount(api, childId);
    const reason = 'Recorded on the wrong child & sent twice';
    const sent = await b.post(opened.action, { ...opened.inputs, reason });
    expect(sent.status).toBe(403);
    const page = await sent.text();
    expect(page).toContain('Your session changed');
    expect(page).toContain('Recorded on the wrong child &amp; sent twice</textarea>');
    expect(inputsOf(page).retractedEventId).toBe(reviewed.id);
    expect(await eventCount(api, childId)).toBe(before);
  });

  it('Given the registration form opened, then a new sign-in, When it is sent, Then nothing at all is written and it comes back filled in; sent again, the child is registered', async () => {
    const b = browser(t.baseUrl);
    await b.signIn();
    const opened = await b.open('/panel/children/new');
    expect(opened.action).toBe('/panel/children/new');
    await b.signIn();
    const child = Object.fromEntries(
      Object.entries(
        registerBody({ childRef: 'SESS-R1', name: 'Rory Register', dateOfBirth: '2021-05-06' }),
      ).map(([name, value]) => [name, String(value)]),
    );
    const head = await t.store.headPosition();
    const sent = await b.post(opened.action, { ...opened.inputs, ...child });
    expect(sent.status).toBe(403);
    expect(await t.store.headPosition()).toBe(head);
    const page = await sent.text();
    expect(page).toContain('Your session changed: check the answers and send again');
    expect(page).toContain('value="Rory Register"');
    expect(page).toContain('value="2021-05-06"');
    const again = inputsOf(page);
    expect(again._csrf).not.toBe(opened.inputs._csrf);
    expect(again.idempotencyKey).toBe(opened.inputs.idempotencyKey);
    const resent = await b.post(formAction(page), { ...again, ...child });
    expect(resent.status).toBe(303);
    expect(resent.headers.get('location')).toMatch(/^\/panel\/children\/[^/?]+/);
  });

  it('Given the registration form with its team and social worker chosen, When it comes back after a new sign-in, Then it is the whole form: the same drop-downs with the same options, the answers chosen', async () => {
    const b = browser(t.baseUrl);
    await b.signIn();
    const opened = await b.open('/panel/children/new');
    const offered = selectsOf(opened.page);
    // The allocation is chosen from the authority's teams and the workers who can sign in.
    expect(offered.team.options).toContain('Children in Care North');
    expect(offered.socialWorker.options).toContain('sw.other.demo');
    await b.signIn();
    const child = Object.fromEntries(
      Object.entries(
        registerBody({ childRef: 'SESS-R2', name: 'Rita Refill', socialWorker: 'sw.other.demo' }),
      ).map(([name, value]) => [name, String(value)]),
    );
    const sent = await b.post(opened.action, { ...opened.inputs, ...child });
    expect(sent.status).toBe(403);
    const page = await sent.text();
    expect(page).toContain('Your session changed: check the answers and send again');
    const refilled = selectsOf(page);
    expect(Object.keys(refilled).sort()).toEqual(Object.keys(offered).sort());
    for (const [name, { options }] of Object.entries(offered))
      expect({ name, options: refilled[name].options }).toEqual({ name, options });
    expect(refilled.team.selected).toBe('Children in Care North');
    expect(refilled.socialWorker.selected).toBe('sw.other.demo');
    for (const [name, { selected }] of Object.entries(refilled))
      if (child[name] !== undefined) expect({ name, selected }).toEqual({ name, selected: child[name] });
  });

  it('Given a forged post from another site with a live session cookie, Then the plain refusal: nothing recorded, no answers shown, no trail entry', async () => {
    const b = browser(t.baseUrl);
    await b.signIn();
    const before = await eventCount(api, childId);
    const forged = {
      _csrf: 'x'.repeat(43),
      revision: '0',
      idempotencyKey: crypto.randomUUID(),
      ...review,
      effectiveDate: '2023-03-09',
    };
    for (const headers of <Record<string, string>[]>[
      CROSS_SITE,
      {},
      { origin: 'https://elsewhere.example' },
    ]) {
      const read = await trailOf(async () => {
        const sent = await b.post(`/panel/children/${childId}/record/review`, forged, headers);
        expect(sent.status).toBe(403);
        const page = await sent.text();
        expect(page).toContain('Your form was not sent');
        expect(page).toContain('Nothing was recorded');
        expect(page).not.toContain('2023-03-09');
        expect(page).not.toContain('Sally Session');
      });
      expect(read).toEqual([]);
    }
    // The registration form likewise: nothing written, none of the forged answers shown.
    const head = await t.store.headPosition();
    const register = await b.post('/panel/children/new', { ...forged, name: 'Forged Name' }, CROSS_SITE);
    expect(register.status).toBe(403);
    const registerPage = await register.text();
    expect(registerPage).toContain('Your form was not sent');
    expect(registerPage).not.toContain('Forged Name');
    expect(await t.store.headPosition()).toBe(head);
    // Without the session cookie (SameSite=Strict: a cross-site post carries none): sign in, nothing recorded.
    const noCookie = await b.post(`/panel/children/${childId}/record/review`, forged, CROSS_SITE, '');
    expect(noCookie.status).toBe(303);
    expect(noCookie.headers.get('location')).toMatch(/^\/login/);
    expect(await eventCount(api, childId)).toBe(before);
  });

  it('Given the session ended while the form was open, When it is sent, Then sign-in returns to the form (a correction with its entry), and nothing is recorded', async () => {
    const events = await api.get<{ items: { id: string; type: string }[] }>(`/children/${childId}/events`, {
      token: auditor,
    });
    const reviewed = events.body.items.find((e) => e.type === 'StatutoryReviewHeld')!;
    for (const path of [
      `/panel/children/${childId}/record/review`,
      `/panel/children/${childId}/record/withdraw?entry=${reviewed.id}`,
      '/panel/children/new',
    ]) {
      const b = browser(t.baseUrl);
      await b.signIn();
      const opened = await b.open(path);
      const out = await b.post('/logout', { _csrf: opened.inputs._csrf });
      expect(out.status).toBe(303);
      const before = await eventCount(api, childId);
      // The ended session's cookie, as a second tab still holding it would send it.
      const sent = await b.post(opened.action, { ...opened.inputs, ...review, reason: 'r' });
      expect(sent.status).toBe(303);
      const signInAt = sent.headers.get('location')!;
      expect(signInAt).toBe(`/login?next=${encodeURIComponent(path)}&unsent=1`);
      const signInPage = await (await b.get(signInAt)).text();
      expect(signInPage).toContain('nothing was recorded. Sign in to go back to the form');
      expect(await eventCount(api, childId)).toBe(before);
      expect(await b.signIn(path)).toBe(path);
      expect((await b.get(path)).status).toBe(200);
    }
  });
});
