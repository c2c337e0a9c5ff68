import { SECURITY_HEADERS } from '../../../apps/api/src/security';
import { apiClient, type ApiClient } from '../support/http-client';
import { newChild } from '../support/journey-setup';
import { fetchSignInForm, postSignIn } from '../support/sign-in-form';
import { startTestApp, type TestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';

/** A stack frame or a source path in a body means internals leaked. */
const STACK = /\n\s+at |\bat .+\.(ts|js):\d+|node_modules|\/work\/|\/apps\//;

describe('HTTP edge: headers, body limits, sign-in rate limits, no stack traces', () => {
  let t: TestApp;
  let api: ApiClient;
  const worker = tokenFor('social_worker', 'alice');

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
  });
  afterAll(async () => t.close());
  afterEach(() => jest.restoreAllMocks());

  const raw = (path: string, init: RequestInit & { token?: string } = {}) =>
    fetch(`${t.baseUrl}${path}`, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.headers as Record<string, string>),
      },
    });

  it.each([
    ['GET', '/health'],
    ['GET', '/login'],
    ['GET', '/docs'],
    ['GET', '/no-such-route'],
    ['GET', '/children/abc'], // 401: no token
    ['POST', '/children'], // 401
  ])('%s %s carries every security header', async (method, path) => {
    const response = await raw(path, { method });
    const sent = Object.fromEntries(
      Object.keys(SECURITY_HEADERS).map((name) => [name, response.headers.get(name)]),
    );
    // A page may choose its own referrer policy (the web pages send same-origin); the rest are ours.
    expect(sent).toEqual({
      ...SECURITY_HEADERS,
      'referrer-policy': expect.stringMatching(/^(no-referrer|same-origin)$/),
    });
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('forbids caching of answers about children', async () => {
    const childId = await newChild(api, { inCare: false });
    const response = await api.get(`/children/${childId}`, { token: worker });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 413 to a body over 1 MiB, with a clear message and nothing recorded', async () => {
    const before = await t.store.headPosition();
    const response = await raw('/children', {
      method: 'POST',
      token: worker,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ effectiveDate: '2024-01-01', name: 'x'.repeat(1_100_000) }),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({
      statusCode: 413,
      message: expect.stringMatching(/too large/i),
    });
    expect(await t.store.headPosition()).toBe(before);
  });

  it.each([
    [
      'a duplicate key',
      '{"effectiveDate":"2024-01-01","effectiveDate":"2024-01-02"}',
      'effectiveDate',
      'duplicateKey',
    ],
    [
      'deep nesting',
      `{"placement":${'{"a":'.repeat(40)}1${'}'.repeat(40)}}`,
      'placement.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a',
      'maxDepth',
    ],
    ['a prototype key', '{"__proto__":{"admin":true}}', '__proto__', 'forbiddenKey'],
    ['a 20 000-character string', `{"name":"${'n'.repeat(20_000)}"}`, 'name', 'maxStringLength'],
    ['malformed JSON', '{"effectiveDate": ', '(body)', 'isJson'],
  ])('answers 400 to %s naming the field and rule', async (_what, body, field, rule) => {
    const response = await raw('/children', {
      method: 'POST',
      token: worker,
      headers: { 'content-type': 'application/json' },
      body,
    });
    const json = (await response.json()) as { errors: { field: string; rule: string }[]; message: string };
    expect(response.status).toBe(400);
    expect(json.errors).toEqual([expect.objectContaining({ field, rule })]);
    expect(json.message).not.toMatch(STACK);
  });

  it('answers an unexpected failure with a generic 500: no message, stack or path of ours', async () => {
    const childId = await newChild(api, { inCare: false });
    jest.spyOn(t.store, 'readStream').mockImplementation(() => {
      throw new Error('boom at /work/main/apps/api/src/secret-file.ts:12 with key=hunter2');
    });
    const response = await raw(`/children/${childId}`, { token: worker });
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(JSON.parse(text)).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Unexpected error',
      // Only the id to quote in a report (the log line has the cause): review s12-ops F12.
      requestId: response.headers.get('x-request-id'),
    });
    expect(text).not.toMatch(STACK);
  });

  it('never sends a stack trace with a 4xx', async () => {
    const answers = await Promise.all([
      raw('/children', {
        method: 'POST',
        token: worker,
        headers: { 'content-type': 'application/json' },
        body: '{',
      }),
      raw('/children', {
        method: 'POST',
        token: worker,
        headers: { 'content-type': 'text/xml' },
        body: '<a/>',
      }),
      raw('/children/%E0%A4%A', { token: worker }),
      raw('/children/abc/events?pageSize=-1', { token: worker }),
      raw('/children', {
        method: 'POST',
        token: 'not.a.token',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
    ]);
    for (const response of answers) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(await response.text()).not.toMatch(STACK);
    }
  });

  describe('sign-in rate limiting (POST /login)', () => {
    it('limits guesses at one username from one address, with a valid form token', async () => {
      const form = await fetchSignInForm(t.baseUrl);
      const login = () => postSignIn(t.baseUrl, { username: 'panel.demo', password: 'wrong-password' }, form);
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await login()).status);
      expect(statuses).toEqual(Array(10).fill(401));
      const limited = await login();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await limited.json()).toMatchObject({
        statusCode: 429,
        message: expect.stringMatching(/too many sign-in attempts/i),
      });
    });

    it('answers a browser that is being limited with the sign-in page’s message, not JSON', async () => {
      const form = await fetchSignInForm(t.baseUrl);
      const browserLogin = () =>
        postSignIn(t.baseUrl, { username: 'auditor.demo', password: 'wrong-password' }, form, {
          accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
        });
      let limited = await browserLogin();
      for (let tries = 0; tries < 25 && limited.status !== 429; tries++) limited = await browserLogin();
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.headers.get('content-type')).toMatch(/^text\/html/);
      const page = await limited.text();
      expect(page).toContain('Too many sign-in attempts');
      expect(page).toContain('href="/login"');
    });

    // The per-address limit, with and without a trusted proxy: trust-proxy.e2e.spec.ts (own apps, own buckets).
  });
});
