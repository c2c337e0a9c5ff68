/**
 * Find a child keeps what was typed out of addresses (review s15 F8) and the child's page is titled
 * by reference, not name (F14): the form is a POST with the pages' CSRF token, answered with a
 * redirect to the results under the search sealed for the session, without JavaScript. Real HTTP app,
 * real SQLite file, a browser's requests with cookies.
 */
import { DEMO_PASSWORD } from '../../apps/api/src/web/auth/user-directory';
import { apiClient } from './support/http-client';
import { registerBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

const NAME = 'Zephyrine Quillfeather';
const REF = 'F8-1';

/** A browser without JavaScript: follows nothing itself, keeps its cookies. */
function browser(baseUrl: string) {
  const cookies = new Map<string, string>();
  const send = async (path: string, form?: Record<string, string>): Promise<Response> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method: form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(form && { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      body: form && new URLSearchParams(form).toString(),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return response;
  };
  const formToken = (body: string): string => /name="_csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';
  const signIn = async (username: string): Promise<void> => {
    const login = await send('/login');
    const signedIn = await send('/login', {
      username,
      password: DEMO_PASSWORD,
      _csrf: formToken(await login.text()),
    });
    expect(signedIn.status).toBe(303);
  };
  return { send, formToken, signIn };
}

const hrefs = (body: string): string[] => [...body.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);

describe('Find a child by POST, the search sealed in the address', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
    const registered = await apiClient(t.baseUrl).post(
      '/children',
      registerBody({ childRef: REF, name: NAME }),
      { token: tokenFor('social_worker', 'sw.demo') },
    );
    expect(registered.status).toBe(201);
  }, 60_000);
  afterAll(() => t.close());

  it('Given a signed-in panel member, When they search by name, Then no address they are sent to or offered holds the name, and the results and the child page answer', async () => {
    const panel = browser(t.baseUrl);
    await panel.signIn('panel.demo');
    const form = await (await panel.send('/panel/children')).text();
    expect(form).toContain('<form method="post" action="/panel/children" id="find-child"');

    const searched = await panel.send('/panel/children', { q: 'Zephyrine', _csrf: panel.formToken(form) });
    expect(searched.status).toBe(303);
    const location = searched.headers.get('location') ?? '';
    expect(location).toMatch(/^\/panel\/children\?s=[A-Za-z0-9_-]+$/);
    expect(location.toLowerCase()).not.toContain('zephyrine');

    const results = await panel.send(location);
    expect(results.status).toBe(200);
    const page = await results.text();
    expect(page).toContain(NAME);
    expect(page).toContain('value="Zephyrine"');
    for (const href of hrefs(page)) expect(href.toLowerCase()).not.toContain('zephyrine');

    const childHref = hrefs(page).find((href) => /^\/panel\/children\/[^/?]+\?found=/.test(href)) ?? '';
    const child = await (await panel.send(childHref.replaceAll('&amp;', '&'))).text();
    expect(child).toContain(`<title>Child ${REF} – Care Journey</title>`);
    expect(child).toContain(`<h1 class="govuk-heading-l">${NAME}</h1>`);
    // Back to the same results: the search sealed again (each seal differs), never its words.
    const back = /href="([^"]+)" class="govuk-back-link"/.exec(child)?.[1] ?? '';
    expect(back).toMatch(/^\/panel\/children\?s=[A-Za-z0-9_-]+$/);
    expect(await (await panel.send(back)).text()).toContain('1 child matches “Zephyrine”');
  });

  it('Given the results address, When another session opens it, Then it finds no one and asks to search again', async () => {
    const first = browser(t.baseUrl);
    await first.signIn('panel.demo');
    const form = await (await first.send('/panel/children')).text();
    const location =
      (await first.send('/panel/children', { q: NAME, _csrf: first.formToken(form) })).headers.get(
        'location',
      ) ?? '';
    const second = browser(t.baseUrl);
    await second.signIn('panel.demo');
    const page = await (await second.send(location)).text();
    expect(page).toContain(
      'This search was made in another session, or you have signed out since: search again',
    );
    expect(page).not.toContain('1 child matches');
  });

  it('Given the form sent without its token, Then it is refused and searches nothing', async () => {
    const panel = browser(t.baseUrl);
    await panel.signIn('panel.demo');
    const refused = await panel.send('/panel/children', { q: NAME });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('location')).toBeNull();
  });

  it('Given a search over 100 characters, Then the form comes back with the error naming the field, no redirect', async () => {
    const panel = browser(t.baseUrl);
    await panel.signIn('panel.demo');
    const form = await (await panel.send('/panel/children')).text();
    const refused = await panel.send('/panel/children', { q: 'x'.repeat(101), _csrf: panel.formToken(form) });
    expect(refused.status).toBe(200);
    const body = await refused.text();
    expect(body).toContain('Name or 903 reference must be 100 characters or fewer');
    expect(body).toContain('href="#q"');
  });
});
