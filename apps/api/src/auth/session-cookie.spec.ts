import { sessionCookieToken } from './session-cookie';

describe('the session cookie’s name follows whether cookies are Secure', () => {
  const saved = process.env.NODE_ENV;
  afterEach(() => {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  });
  const both = { cookie: 'cj_session=plain-token; __Host-cj_session=host-token' };

  it('Given development over http, Then the plain cj_session is read (the demo on http://localhost)', () => {
    process.env.NODE_ENV = 'test';
    expect(sessionCookieToken({ headers: both, protocol: 'http' })).toBe('plain-token');
  });

  it('Given https or production, Then only __Host-cj_session is read: a planted plain cj_session is ignored', () => {
    process.env.NODE_ENV = 'test';
    expect(sessionCookieToken({ headers: both, protocol: 'https' })).toBe('host-token');
    expect(
      sessionCookieToken({ headers: { cookie: 'cj_session=planted' }, protocol: 'https' }),
    ).toBeUndefined();
    process.env.NODE_ENV = 'production';
    expect(sessionCookieToken({ headers: both, protocol: 'http' })).toBe('host-token');
    expect(
      sessionCookieToken({ headers: { cookie: 'cj_session=planted' }, protocol: 'http' }),
    ).toBeUndefined();
  });
});
