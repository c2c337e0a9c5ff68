/**
 * The sign-in form as a browser gets it: the CSRF cookie GET /login sets and the token its form
 * echoes. A post to /login without them is refused as an expired form and counts towards no limit.
 */
export interface SignInForm {
  /** The Cookie header to send back (cj_csrf=...). */
  cookie: string;
  /** The form's `_csrf` field. */
  csrf: string;
}

export async function fetchSignInForm(baseUrl: string): Promise<SignInForm> {
  const response = await fetch(`${baseUrl}/login`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .find((pair) => pair.startsWith('cj_csrf='));
  const match = /name="_csrf" value="([^"]+)"/.exec(await response.text());
  if (!cookie || !match) throw new Error('GET /login gave no CSRF cookie or field');
  return { cookie, csrf: match[1] };
}

/** POST /login as the form does; `form` undefined posts without a CSRF token (a forged post). */
export function postSignIn(
  baseUrl: string,
  fields: { username: string; password: string },
  form: SignInForm | undefined,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${baseUrl}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(form ? { cookie: form.cookie } : {}),
      ...headers,
    },
    body: new URLSearchParams({ ...fields, ...(form ? { _csrf: form.csrf } : {}) }).toString(),
  });
}

/** The `cj_session=…` pair a signed-in answer sets (the Cookie header to send back), if it sets one. */
export const sessionCookieOf = (response: Response): string | undefined =>
  response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .find((pair) => pair.startsWith('cj_session='));
