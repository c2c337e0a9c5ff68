import type { FastifyRequest } from 'fastify';
import { secureCookies } from './csrf';
import { setCookie } from './set-cookie';

const over = (protocol: 'http' | 'https') => ({ protocol }) as FastifyRequest;

describe('the session and CSRF cookies are Secure outside development', () => {
  const saved = process.env.NODE_ENV;
  afterEach(() => {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  });

  it('Given NODE_ENV=production, When the API sees plain HTTP (a TLS proxy it does not trust), Then the cookie is still Secure', () => {
    process.env.NODE_ENV = 'production';
    expect(secureCookies(over('http'))).toBe(true);
    expect(secureCookies(over('https'))).toBe(true);
  });

  it('Given development, Then Secure only over https: the demo signs in over http://localhost', () => {
    delete process.env.NODE_ENV;
    expect(secureCookies(over('http'))).toBe(false);
    expect(secureCookies(over('https'))).toBe(true);
    process.env.NODE_ENV = 'test';
    expect(secureCookies(over('http'))).toBe(false);
  });
});

describe('a __Host- cookie is always Secure', () => {
  it('Given a __Host- name without Secure, Then setCookie refuses it (a browser would drop it silently)', () => {
    expect(() => setCookie('__Host-cj_session', 'x', { secure: false })).toThrow(/must be Secure/);
    expect(setCookie('__Host-cj_session', 'x', { secure: true })).toBe(
      '__Host-cj_session=x; Path=/; HttpOnly; SameSite=Strict; Secure',
    );
  });
});
