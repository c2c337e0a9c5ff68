import type { FastifyReply, FastifyRequest } from 'fastify';
import { csrfMatches, csrfToken, dropPreSessionToken, sessionFormToken } from './csrf';

const SESSION_A = 'header.session-a-claims.signature';
const SESSION_B = 'header.session-b-claims.signature';
const PRE_SESSION = 'p'.repeat(32);

const requestWith = (cookie: string | undefined, protocol: 'http' | 'https' = 'http') =>
  ({ headers: cookie === undefined ? {} : { cookie }, protocol }) as unknown as FastifyRequest;

function replyCollecting(): { reply: FastifyReply; cookies: string[] } {
  const cookies: string[] = [];
  const reply = {
    header(name: string, value: string) {
      if (name === 'set-cookie') cookies.push(value);
      return reply;
    },
  };
  return { reply: reply as unknown as FastifyReply, cookies };
}

describe('CSRF tokens are bound to the session', () => {
  const saved = process.env.NODE_ENV;
  afterEach(() => {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  });

  it('Given a signed-in browser, When a page renders a form, Then its token is derived from the session cookie and no cookie is set', () => {
    const { reply, cookies } = replyCollecting();
    const token = csrfToken(requestWith(`cj_session=${SESSION_A}`), reply);
    expect(token).toBe(sessionFormToken(SESSION_A));
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookies).toEqual([]);
  });

  it("Given two sessions, Then each has its own token, and one session's token is refused with the other's cookie", () => {
    const a = sessionFormToken(SESSION_A);
    expect(sessionFormToken(SESSION_B)).not.toBe(a);
    expect(csrfMatches(requestWith(`cj_session=${SESSION_A}`), a)).toBe(true);
    expect(csrfMatches(requestWith(`cj_session=${SESSION_B}`), a)).toBe(false);
  });

  it('Given a signed-in browser still holding the pre-sign-in cookie, Then the pre-sign-in token is refused: only the session decides', () => {
    const cookie = `cj_csrf=${PRE_SESSION}; cj_session=${SESSION_A}`;
    expect(csrfMatches(requestWith(cookie), PRE_SESSION)).toBe(false);
    expect(csrfMatches(requestWith(cookie), sessionFormToken(SESSION_A))).toBe(true);
  });

  it('Given no session (the sign-in form), Then a random token is set as a plain cookie over http and echoed back (double submit)', () => {
    const { reply, cookies } = replyCollecting();
    const token = csrfToken(requestWith(undefined), reply);
    expect(cookies).toEqual([`cj_csrf=${token}; Path=/; HttpOnly; SameSite=Strict`]);
    expect(csrfMatches(requestWith(`cj_csrf=${token}`), token)).toBe(true);
    expect(csrfMatches(requestWith(`cj_csrf=${token}`), 'x'.repeat(32))).toBe(false);
    expect(csrfMatches(requestWith(undefined), token)).toBe(false);
  });

  it('Given Secure cookies (https, or production behind a proxy), Then the cookie is __Host-cj_csrf and only that name is read', () => {
    for (const [protocol, env] of [
      ['https', 'test'],
      ['http', 'production'],
    ] as const) {
      process.env.NODE_ENV = env;
      const { reply, cookies } = replyCollecting();
      const token = csrfToken(requestWith(undefined, protocol), reply);
      expect(cookies).toEqual([`__Host-cj_csrf=${token}; Path=/; HttpOnly; SameSite=Strict; Secure`]);
      expect(csrfMatches(requestWith(`__Host-cj_csrf=${token}`, protocol), token)).toBe(true);
      // A plain-named cookie (which a sibling subdomain or an http page could plant) does not count.
      expect(csrfMatches(requestWith(`cj_csrf=${token}`, protocol), token)).toBe(false);
      // Nor does a plain-named session cookie: the session is __Host-cj_session there.
      expect(csrfMatches(requestWith(`cj_session=${SESSION_A}`, protocol), sessionFormToken(SESSION_A))).toBe(
        false,
      );
      expect(
        csrfMatches(requestWith(`__Host-cj_session=${SESSION_A}`, protocol), sessionFormToken(SESSION_A)),
      ).toBe(true);
    }
  });

  it('Given a browser holding the pre-sign-in cookie, When a session starts or ends, Then the cookie is cleared with its own name and flags', () => {
    const plain = replyCollecting();
    dropPreSessionToken(requestWith(`cj_csrf=${PRE_SESSION}`), plain.reply);
    expect(plain.cookies).toEqual(['cj_csrf=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0']);
    const secure = replyCollecting();
    dropPreSessionToken(requestWith(`__Host-cj_csrf=${PRE_SESSION}`, 'https'), secure.reply);
    expect(secure.cookies).toEqual(['__Host-cj_csrf=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Secure']);
    const none = replyCollecting();
    dropPreSessionToken(requestWith(undefined), none.reply);
    expect(none.cookies).toEqual([]);
  });
});
