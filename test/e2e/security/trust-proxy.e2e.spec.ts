import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TrustProxy } from '../../../apps/api/src/config/trust-proxy';
import { DEFAULT_LOGIN_RATE_LIMITS } from '../../../apps/api/src/security';
import { fetchSignInForm, postSignIn } from '../support/sign-in-form';
import { startTestApp } from '../support/test-app';

/**
 * CARE_JOURNEY_TRUST_PROXY decides whose X-Forwarded-For names the client for the per-address
 * sign-in limit. Every request here comes from 127.0.0.1; the header is what a client claims.
 */
describe('sign-in rate limit per client address, with and without a trusted proxy', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'care-journey-trust-proxy-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A fresh API (fresh buckets); the per-username bucket is made large so only the address limit acts. */
  async function start(trustProxy: TrustProxy | undefined, name: string) {
    const { app, baseUrl } = await startTestApp({
      sqliteFile: join(dir, `${name}.db`),
      config: trustProxy === undefined ? {} : { trustProxy },
      app: {
        security: {
          loginRateLimits: {
            // The default capacity, but no token back while the test runs: at the default 20 a
            // minute, a loaded machine's slow sign-ins (3 s each) earned a try back (401 for 429).
            perClient: { capacity: DEFAULT_LOGIN_RATE_LIMITS.perClient.capacity, refillPerMinute: 0.01 },
            perUsernameAtClient: { capacity: 1000, refillPerMinute: 1000 },
          },
        },
      },
    });
    // A valid form token: only attempts with one are counted (the limiter runs after the CSRF check).
    const form = await fetchSignInForm(baseUrl);
    const login = async (username: string, forwardedFor?: string): Promise<number> => {
      const response = await postSignIn(
        baseUrl,
        { username, password: 'wrong-password' },
        form,
        forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
      );
      await response.arrayBuffer();
      return response.status;
    };
    return { app, login };
  }

  const capacity = DEFAULT_LOGIN_RATE_LIMITS.perClient.capacity;

  it('by default ignores X-Forwarded-For: a direct client forging a new address per try is still limited', async () => {
    const { app, login } = await start(undefined, 'default');
    try {
      const statuses: number[] = [];
      for (let i = 0; i < capacity + 2; i++) statuses.push(await login(`nobody-${i}`, `203.0.113.${i + 1}`));
      expect(statuses.slice(0, capacity)).toEqual(Array(capacity).fill(401));
      expect(statuses.slice(capacity)).toEqual([429, 429]);
      // Neither a new forged address nor no header at all gets another try.
      expect(await login('nobody-else', '198.51.100.200')).toBe(429);
      expect(await login('nobody-else')).toBe(429);
    } finally {
      await app.close();
    }
  });

  it('CARE_JOURNEY_TRUST_PROXY=false is the same as unset', async () => {
    const { app, login } = await start(false, 'false');
    try {
      for (let i = 0; i < capacity; i++) expect(await login(`nobody-${i}`, `203.0.113.${i + 1}`)).toBe(401);
      expect(await login('nobody-else', '198.51.100.200')).toBe(429);
    } finally {
      await app.close();
    }
  });

  it.each<[string, TrustProxy]>([
    ['its address', ['127.0.0.1']],
    ['a CIDR range', ['127.0.0.0/8']],
  ])(
    'honours X-Forwarded-For from a proxy configured by %s: one bucket per forwarded client',
    async (_, trustProxy) => {
      const { app, login } = await start(trustProxy, `trusted-${String(trustProxy)}`);
      try {
        const statuses: number[] = [];
        for (let i = 0; i < capacity + 2; i++) statuses.push(await login(`nobody-${i}`, '198.51.100.7'));
        expect(statuses.slice(0, capacity)).toEqual(Array(capacity).fill(401));
        expect(statuses.slice(capacity)).toEqual([429, 429]);
        // Another client behind the same proxy has its own bucket.
        expect(await login('nobody-else', '198.51.100.8')).toBe(401);
      } finally {
        await app.close();
      }
    },
  );

  it('does not honour X-Forwarded-For from a peer that is not a configured proxy', async () => {
    const { app, login } = await start(['10.9.8.7'], 'other-proxy');
    try {
      for (let i = 0; i < capacity; i++) expect(await login(`nobody-${i}`, `203.0.113.${i + 1}`)).toBe(401);
      expect(await login('nobody-else', '198.51.100.200')).toBe(429);
    } finally {
      await app.close();
    }
  });
});
