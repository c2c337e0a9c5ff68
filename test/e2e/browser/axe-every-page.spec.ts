import type { BrowserContext, Page } from 'playwright-core';
import { mintToken } from '@care-journey/access';
import { RECORD_FORMS } from '../../../apps/api/src/web/record/form-definitions';
import { registerBody } from '../support/journey-bodies';
import { TEST_JWT_SECRET, tokenFor } from '../support/tokens';
import { AXE_CONTEXT, axeViolations, type AxeException } from './support/axe';
import { useBrowserApp } from './support/browser-app';
import { describeInBrowser } from './support/chromium';
import { startSeededApp } from './support/seeded-app';
import { fillRegisterForm } from './support/register-form';
import { signIn } from './support/sign-in';
import { startTeamScopedApp } from './support/team-scoped-app';

jest.setTimeout(600_000);

/** The synthetic authority's history ends here. */
const YEAR_END = '2025-03-31';
const PAGE_OPTIONS = { viewport: { width: 1280, height: 900 }, ...AXE_CONTEXT };
const INDICATORS = ['ST1', 'ST2', 'ST3', 'A1', 'A2', 'A3', 'A10'];

/**
 * Elements where one axe rule is knowingly off (a false positive or a deliberate choice), each
 * saying why. Empty: every page passes every WCAG 2.2 A/AA rule axe-core checks.
 */
const EXCEPTIONS: readonly AxeException[] = [];

/** One page as a user reaches it: its address, the status it answers, and what the user then does on it. */
interface Visit {
  name: string;
  path: string;
  status: number;
  then?: (page: Page) => Promise<void>;
}

/** Sends the page's main form as it is (empty), for the page with its errors. */
const sendEmpty =
  (button: string | RegExp) =>
  async (page: Page): Promise<void> => {
    await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button }).first().click()]);
    if ((await page.locator('.govuk-error-summary').count()) === 0)
      throw new Error('sent empty, but the page shows no error summary');
  };

/** The page as it came: with its error summary (a page's errors are a state of their own to check). */
const showsErrors = async (page: Page): Promise<void> => {
  if ((await page.locator('.govuk-error-summary').count()) === 0)
    throw new Error('the page shows no error summary');
};

/**
 * Visits each page and says, one line each, what axe-core found on it (and any page that did not
 * answer as expected, so none is left out unnoticed), in the visits' order. Given more than one tab
 * (of one signed-in context), each tab takes the next page not yet taken: axe runs in one tab's
 * renderer while another page loads, so a role's pages use both cores.
 */
async function findings(
  tabs: Page | readonly Page[],
  baseUrl: string,
  visits: readonly Visit[],
): Promise<string[]> {
  const found: string[][] = visits.map(() => []);
  let next = 0;
  const checkEach = async (page: Page): Promise<void> => {
    for (let i = next++; i < visits.length; i = next++) found[i] = await findingsOn(page, baseUrl, visits[i]);
  };
  await Promise.all((Array.isArray(tabs) ? tabs : [tabs]).map(checkEach));
  return found.flat();
}

/** What axe-core found on one visited page, or why the page was not checked. */
async function findingsOn(page: Page, baseUrl: string, visit: Visit): Promise<string[]> {
  const response = await page.goto(`${baseUrl}${visit.path}`);
  const status = response?.status();
  if (status !== visit.status)
    return [`${visit.name} (${visit.path}): answered ${status}, expected ${visit.status}: not checked`];
  try {
    await visit.then?.(page);
  } catch (error) {
    return [`${visit.name} (${visit.path}): ${(error as Error).message}: not checked`];
  }
  return (await axeViolations(page, EXCEPTIONS)).map((violation) => `${visit.name}: ${violation}`);
}

/**
 * Every web page, for every role it serves, checked by axe-core (WCAG 2.2 A and AA) in headless
 * Chromium on the real app and a real SQLite file seeded with a synthetic authority. Each page's
 * states are visited too: filters applied, errors shown, replays, the session warning open.
 *
 * Not visited here, and why:
 * - The CSV downloads (drift, as-known drift, access log): not web pages.
 * - `/`, `/panel`, sign-out and a signed-out visit to a page: redirects only, to pages checked here.
 * - A form sent from another site: the plain 403 page, the same error page as the 403s checked here.
 * - A screen reader: axe-core checks the markup, not what a person hears (see the statement).
 */
describeInBrowser('every web page passes axe-core’s WCAG 2.2 A/AA checks (real browser)', () => {
  const app = useBrowserApp(() => startSeededApp(40));
  let childId: string;
  let rule: string;

  /** Two tabs of one context signed in as `username`, at 1280 px (the first signs in). */
  async function signedIn(username: string): Promise<[Page, Page]> {
    const context = await app.newContext(PAGE_OPTIONS);
    const page = await context.newPage();
    await signIn(page, app.baseUrl, username, '/panel/drift');
    return [page, await context.newPage()];
  }

  beforeAll(async () => {
    const page = await app.newPage(PAGE_OPTIONS);
    await signIn(page, app.baseUrl, 'panel.demo', `/panel/drift?asAt=${YEAR_END}`);
    childId = (await page.locator('#drift-table tbody tr').first().getAttribute('data-child')) ?? '';
    rule = (await page.locator('#by-rule tbody th').first().textContent())?.trim().slice(0, 4) ?? '';
    if (!childId || !rule) throw new Error('the seeded drift report has no flagged child');
    await page.close();
  });

  /**
   * The pages every role that reads them shares. The indicator pages are one template: the panel
   * member (who reads them) visits all seven, other roles one, to keep the browser run short.
   */
  const readingPages = (indicators: 'every indicator' | 'one indicator' = 'one indicator'): Visit[] => [
    { name: 'drift report', path: '/panel/drift', status: 200 },
    { name: 'drift report as at year end', path: `/panel/drift?asAt=${YEAR_END}&all=1`, status: 200 },
    {
      name: 'drift report filtered by rule',
      path: `/panel/drift?asAt=${YEAR_END}&rule=${rule}`,
      status: 200,
    },
    {
      name: 'drift report with filter errors',
      path: '/panel/drift?asAt=2026-02-30&minDaysOverdue=abc&dueWithinDays=400',
      status: 200,
      then: showsErrors,
    },
    { name: 'stability and permanence measures', path: '/panel/measures', status: 200 },
    { name: 'measures for a year', path: `/panel/measures?yearEnding=${YEAR_END}&years=1`, status: 200 },
    {
      name: 'measures with a year not ended',
      path: '/panel/measures?yearEnding=2099-03-31',
      status: 200,
      then: showsErrors,
    },
    ...(indicators === 'every indicator' ? INDICATORS : INDICATORS.slice(0, 1)).map((id) => ({
      name: `indicator ${id} children`,
      path: `/panel/measures/${id}?yearEnding=${YEAR_END}`,
      status: 200,
    })),
    { name: 'an unknown indicator (404)', path: '/panel/measures/ZZ9', status: 404 },
    { name: 'page not found (404)', path: '/panel/no-such-page', status: 404 },
    { name: 'accessibility statement signed in', path: '/accessibility', status: 200 },
  ];

  /** The child's page and its replays, for a role that may open the child. */
  const childPages = (): Visit[] => [
    { name: 'child page', path: `/panel/children/${childId}`, status: 200 },
    { name: 'child page as at', path: `/panel/children/${childId}?asAt=${YEAR_END}`, status: 200 },
    { name: 'child page as known at', path: `/panel/children/${childId}?knownAt=2024-06-30`, status: 200 },
    {
      name: 'child page with replay errors',
      path: `/panel/children/${childId}?asAt=notadate&knownAt=bad`,
      status: 200,
      then: showsErrors,
    },
    { name: 'an unknown child (404)', path: '/panel/children/no-such-child', status: 404 },
    { name: 'find a child', path: '/panel/children', status: 200 },
    { name: 'find a child: results', path: '/panel/children?q=a', status: 200 },
  ];

  /** The leaving care worklist (social workers and admins): a list with rows, and its errors. */
  const leavingCarePages = (): Visit[] => [
    {
      name: "care leavers' contacts",
      path: `/panel/leaving-care?asAt=${YEAR_END}&missedSince=2020-04-01`,
      status: 200,
    },
    {
      name: "care leavers' contacts with errors",
      path: '/panel/leaving-care?asAt=2025-02-30&missedSince=bad',
      status: 400,
      then: showsErrors,
    },
  ];

  it('the check itself finds what it should: an image without alt text, an input without a label, low contrast', async () => {
    const page = await app.newPage(PAGE_OPTIONS);
    await page.setContent(
      `<!doctype html><html lang="en"><head><title>Broken on purpose</title></head><body><main>
        <h1>Broken on purpose</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
        <input id="nameless" type="text"><p style="color:#bbb;background:#fff">Faint text</p>
      </main></body></html>`,
    );
    const found = await axeViolations(page);
    expect(found.map((line) => line.split(' ')[0]).sort()).toEqual(['color-contrast', 'image-alt', 'label']);
    expect(found.find((line) => line.startsWith('label'))).toMatch(
      /^label \(critical\) at \["#nameless"\]: Form elements must have labels https:\/\/dequeuniversity\.com\/rules\/axe\/4\.\d+\/label/,
    );
    // One rule off for one element: only that element's finding goes.
    const excepted = await axeViolations(page, [{ rule: 'label', selector: '#nameless', why: 'test' }]);
    expect(excepted.map((line) => line.split(' ')[0]).sort()).toEqual(['color-contrast', 'image-alt']);
  });

  /** Every record form, opened on the child (any form opens for any child; the API decides on sending). */
  const recordForms = (): Visit[] =>
    RECORD_FORMS.map((form) => ({
      name: `record form ${form.slug}`,
      path: `/panel/children/${childId}/record/${form.slug}`,
      status: 200,
    }));

  it('signed out: sign-in, its error, the accessibility statement', async () => {
    const page = await app.newPage(PAGE_OPTIONS);
    const wrongPassword = async (p: Page) => {
      await p.getByLabel('Username').fill('panel.demo');
      await p.getByLabel('Password').fill('wrong');
      await sendEmpty('Sign in')(p);
    };
    const found = await findings(page, app.baseUrl, [
      { name: 'sign in', path: '/login', status: 200 },
      { name: 'sign in with a wrong password', path: '/login', status: 200, then: wrongPassword },
      { name: 'accessibility statement', path: '/accessibility', status: 200 },
    ]);
    expect(found).toEqual([]);
  });

  it('a social worker: the reading pages, the child, every record form and its errors, register a child', async () => {
    const tabs = await signedIn('sw.demo');
    const [page] = tabs;
    await page.goto(`${app.baseUrl}/panel/children/${childId}`);
    const amendHref = await page
      .getByRole('link', { name: /^Correct/ })
      .first()
      .getAttribute('href');
    const withdrawHref = await page
      .getByRole('link', { name: /^Withdraw/ })
      .first()
      .getAttribute('href');
    const found = await findings(tabs, app.baseUrl, [
      ...readingPages(),
      ...childPages(),
      { name: 'child page after recording', path: `/panel/children/${childId}?recorded=review`, status: 200 },
      ...recordForms(),
      {
        name: 'record form placement-change sent empty',
        path: `/panel/children/${childId}/record/placement-change`,
        status: 200,
        then: sendEmpty(/^Record/),
      },
      { name: 'correction of an entry', path: amendHref ?? '(no Correct link)', status: 200 },
      { name: 'withdrawal of an entry', path: withdrawHref ?? '(no Withdraw link)', status: 200 },
      {
        name: 'withdrawal of an entry sent empty',
        path: withdrawHref ?? '(no Withdraw link)',
        status: 200,
        then: sendEmpty(/^Record/),
      },
      { name: 'register a child', path: '/panel/children/new', status: 200 },
      {
        name: 'register a child sent empty',
        path: '/panel/children/new',
        status: 200,
        then: sendEmpty('Register the child'),
      },
      { name: 'the access log (403 for a social worker)', path: '/panel/audit/access-log', status: 403 },
      ...leavingCarePages(),
    ]);
    expect(found).toEqual([]);
  });

  it('a social worker registering a child already registered: the possible-duplicate step', async () => {
    // Registering the same name and date of birth again stops at the step that shows the match.
    const child = registerBody({ childRef: 'AXE-1', name: 'Axel Checker' });
    const registered = await app.api.post('/children', child, {
      token: tokenFor('social_worker', 'sw.demo'),
    });
    expect(registered.status).toBe(201);
    await app.caughtUp();
    const [page] = await signedIn('sw.demo');
    const registerAgain = async (p: Page) => {
      await fillRegisterForm(p, {
        childRef: 'AXE-2',
        name: child.name,
        dateOfBirth: child.dateOfBirth,
        sex: 'Male',
        upn: 'A123456789013',
        team: child.team,
        knownSince: '2024-03-01',
      });
      await p.getByRole('button', { name: 'Register the child' }).click();
      await p.waitForSelector('#possible-duplicate');
    };
    const found = await findings(page, app.baseUrl, [
      {
        name: 'register a child: possible duplicate',
        path: '/panel/children/new',
        status: 200,
        then: registerAgain,
      },
    ]);
    expect(found).toEqual([]);
  });

  it('a social worker sending a form opened before signing in again: the form comes back, "Your session changed"', async () => {
    const context = await app.newContext(PAGE_OPTIONS);
    const page = await context.newPage();
    await signIn(page, app.baseUrl, 'sw.demo', '/panel/drift');
    // Signing in again in another tab of the same browser gives this session's forms a new token.
    const signInAgain = async (p: Page) => {
      const other = await context.newPage();
      await signIn(other, app.baseUrl, 'sw.demo', '/panel/drift');
      await other.close();
      const [response] = await Promise.all([
        p.waitForNavigation(),
        p
          .getByRole('button', { name: /^(Record|Register the child)/ })
          .first()
          .click(),
      ]);
      if (response?.status() !== 403) throw new Error(`the old form's send answered ${response?.status()}`);
      await p.getByText('Your session changed: check the answers and send again').waitFor();
    };
    const found = await findings(page, app.baseUrl, [
      {
        name: 'record form sent after signing in again',
        path: `/panel/children/${childId}/record/review`,
        status: 200,
        then: signInAgain,
      },
      {
        name: 'register a child sent after signing in again',
        path: '/panel/children/new',
        status: 200,
        then: signInAgain,
      },
    ]);
    expect(found).toEqual([]);
  });

  it('at 320 px wide (WCAG 1.4.10 reflow): the pages with wide tables, the timeline and a form', async () => {
    const page = await app.newPage({ ...PAGE_OPTIONS, viewport: { width: 320, height: 640 } });
    await signIn(page, app.baseUrl, 'sw.demo', '/panel/drift');
    const found = await findings(page, app.baseUrl, [
      { name: 'drift report at 320 px', path: `/panel/drift?asAt=${YEAR_END}`, status: 200 },
      { name: 'child page at 320 px', path: `/panel/children/${childId}`, status: 200 },
      { name: 'measures at 320 px', path: '/panel/measures', status: 200 },
      { name: 'indicator A1 at 320 px', path: `/panel/measures/A1?yearEnding=${YEAR_END}`, status: 200 },
      { name: 'find a child at 320 px', path: '/panel/children?q=a', status: 200 },
      {
        name: 'record form sent empty at 320 px',
        path: `/panel/children/${childId}/record/review`,
        status: 200,
        then: sendEmpty(/^Record/),
      },
    ]);
    expect(found).toEqual([]);
  });

  it('a panel member: the reading pages and the child, without record forms; a record form is 403', async () => {
    const tabs = await signedIn('panel.demo');
    const found = await findings(tabs, app.baseUrl, [
      ...readingPages('every indicator'),
      ...childPages(),
      {
        name: 'a record form (403 for the panel)',
        path: `/panel/children/${childId}/record/review`,
        status: 403,
      },
      { name: "care leavers' contacts (403 for the panel)", path: '/panel/leaving-care', status: 403 },
    ]);
    expect(found).toEqual([]);
  });

  it('an auditor: the reading pages, drift as known at, the read-access trail', async () => {
    const tabs = await signedIn('auditor.demo');
    const knownAt = encodeURIComponent(new Date().toISOString());
    const found = await findings(tabs, app.baseUrl, [
      ...readingPages(),
      ...childPages(),
      { name: 'drift as known at: the form', path: '/panel/audit/drift', status: 200 },
      {
        name: 'drift as known at: a report',
        path: `/panel/audit/drift?asAt=${YEAR_END}&knownAt=${knownAt}&reason=Audit`,
        status: 200,
      },
      {
        name: 'drift as known at with errors',
        path: `/panel/audit/drift?asAt=bad&knownAt=bad&reason=${'x'.repeat(600)}`,
        status: 400,
        then: showsErrors,
      },
      { name: 'read-access trail', path: '/panel/audit/access-log', status: 200 },
      {
        name: 'read-access trail for a child',
        path: `/panel/audit/access-log?childId=${childId}`,
        status: 200,
      },
      {
        name: 'read-access trail with errors',
        path: '/panel/audit/access-log?childId=zzz&after=x',
        status: 400,
        then: showsErrors,
      },
    ]);
    expect(found).toEqual([]);
  });

  it('an admin: the reading pages, the child, two record forms, withdraw a registration, the audit pages', async () => {
    const tabs = await signedIn('admin.demo');
    const found = await findings(tabs, app.baseUrl, [
      ...readingPages(),
      ...childPages(),
      // The record forms are the social worker's pages (checked above, every one); the admin's two
      // here check them with the admin's navigation.
      ...recordForms().slice(0, 2),
      {
        name: 'withdraw a registration',
        path: `/panel/children/${childId}/withdraw-registration`,
        status: 200,
      },
      {
        name: 'withdraw a registration sent empty',
        path: `/panel/children/${childId}/withdraw-registration`,
        status: 200,
        then: sendEmpty('Withdraw the registration'),
      },
      { name: 'drift as known at: the form', path: '/panel/audit/drift', status: 200 },
      { name: 'read-access trail', path: '/panel/audit/access-log', status: 200 },
      ...leavingCarePages().slice(0, 1),
    ]);
    expect(found).toEqual([]);
  });

  it('a reporting job: the reading pages and a child page, without names', async () => {
    const tabs = await signedIn('reporting.demo');
    const found = await findings(tabs, app.baseUrl, [
      ...readingPages(),
      { name: 'child page without names', path: `/panel/children/${childId}`, status: 200 },
      {
        name: 'child page as at, without names',
        path: `/panel/children/${childId}?asAt=${YEAR_END}`,
        status: 200,
      },
    ]);
    expect(found).toEqual([]);
  });

  it('the session warning, open (a session ending in 4 minutes, the page clock moved on 1)', async () => {
    const context: BrowserContext = await app.newContext(PAGE_OPTIONS);
    const now = Math.floor(Date.now() / 1000);
    const token = mintToken({
      secret: TEST_JWT_SECRET,
      userId: 'panel.demo',
      role: 'panel_member',
      name: 'Pat Panel (demo)',
      sessionId: '5c1f0e7a-2b1d-4f55-8a6e-0d8e5b3f9a11',
      issuedAt: new Date((now - 600) * 1000),
      hours: (600 + 240) / 3600,
    });
    await context.addCookies([
      { name: 'cj_session', value: token, url: app.baseUrl, httpOnly: true, sameSite: 'Strict' },
    ]);
    const page = await context.newPage();
    await page.clock.install({ time: new Date() });
    const warningOpen = async (p: Page) => {
      await p.clock.fastForward(60_500);
      await p.getByRole('alertdialog', { name: 'Your session is about to end' }).waitFor();
    };
    const found = await findings(page, app.baseUrl, [
      { name: 'session warning', path: '/panel/children', status: 200, then: warningOpen },
    ]);
    expect(found).toEqual([]);
  });

  // Last: it uses up the sign-in attempts of one (unknown) username from this client. Those are 10
  // at once, then one every 12 s (the exact limits: security/login-lockout.e2e.spec.ts), so on a
  // loaded machine, an attempt taking seconds, the 429 may come a few attempts after the 11th.
  it('too many sign-in attempts (429)', async () => {
    const page = await app.newPage(PAGE_OPTIONS);
    let status = 0;
    for (let attempt = 0; attempt < 30 && status !== 429; attempt++) {
      await page.goto(`${app.baseUrl}/login`);
      await page.getByLabel('Username').fill('no.such.user');
      await page.getByLabel('Password').fill('wrong');
      const [response] = await Promise.all([
        page.waitForNavigation(),
        page.getByRole('button', { name: 'Sign in' }).click(),
      ]);
      status = response?.status() ?? 0;
    }
    expect(status).toBe(429);
    expect(await axeViolations(page, EXCEPTIONS)).toEqual([]);
  });
});

/** The "allocated away" page needs the team scope (the seeded app above lets workers open every child). */
describeInBrowser('the "allocated away" page passes axe-core’s WCAG 2.2 A/AA checks (real browser)', () => {
  const app = useBrowserApp(startTeamScopedApp);

  it('a social worker allocating their child to another team sees where the child went', async () => {
    const registered = await app.api.post<{ childId: string }>(
      '/children',
      registerBody({ childRef: 'AXE-3', name: 'Ada Away' }),
      { token: tokenFor('social_worker', 'sw.demo') },
    );
    expect(registered.status).toBe(201);
    await app.caughtUp();
    const page = await app.newPage(PAGE_OPTIONS);
    await signIn(page, app.baseUrl, 'sw.demo', '/panel/drift');
    const allocateAway = async (p: Page) => {
      await p.getByLabel('Date of the allocation').fill('2024-01-01');
      await p.getByLabel('Team').selectOption('Children in Care South');
      await p.getByLabel('Social worker').selectOption('sw.other.demo');
      await p.getByRole('button', { name: /^Record/ }).click();
      await p.waitForSelector('#allocated-away');
    };
    const found = await findings(page, app.baseUrl, [
      {
        name: 'allocated away',
        path: `/panel/children/${registered.body.childId}/record/allocation`,
        status: 200,
        then: allocateAway,
      },
    ]);
    expect(found).toEqual([]);
  });
});
