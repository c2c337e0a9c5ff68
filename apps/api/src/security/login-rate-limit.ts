import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { csrfMatches } from '../web/auth/csrf';
import { acceptsHtml } from '../web/html/accepts-html';
import { tooManySignInsPage } from '../web/html/too-many-sign-ins.page';
import { TokenBuckets, type BucketSettings } from './token-bucket';

export interface LoginRateLimits {
  /**
   * Attempts from one client address, at any username: the TCP peer's address, or the one a
   * trusted proxy forwarded (CARE_JOURNEY_TRUST_PROXY; by default no proxy is trusted, so
   * X-Forwarded-For is ignored).
   */
  perClient: BucketSettings;
  /**
   * Attempts at one username from one client address. Keyed by both, so someone elsewhere
   * cannot use up a user's attempts and lock them out of signing in (review D6).
   */
  perUsernameAtClient: BucketSettings;
}

export const DEFAULT_LOGIN_RATE_LIMITS: LoginRateLimits = {
  perClient: { capacity: 20, refillPerMinute: 20 },
  perUsernameAtClient: { capacity: 10, refillPerMinute: 5 },
};

/** Routes that check a password. */
const AUTH_ROUTES = new Set(['POST /login']);

const fieldOf = (body: unknown, name: string): unknown =>
  typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined;

const usernameOf = (body: unknown): string | undefined => {
  const value = fieldOf(body, 'username');
  return typeof value === 'string' && value.trim() !== ''
    ? value.trim().toLowerCase().slice(0, 200)
    : undefined;
};

/**
 * Password guessing gets 429 with Retry-After once a bucket is empty; the password is not checked.
 * Only an attempt with a valid form (CSRF) token counts: without one the controller checks no
 * password either (it answers "the sign-in page had expired"), so such posts cost nothing and
 * must not use up anyone's attempts. A browser (Accept: text/html) gets the 429 as a page, an
 * API client as JSON.
 */
export function registerLoginRateLimit(
  fastify: FastifyInstance,
  limits: LoginRateLimits = DEFAULT_LOGIN_RATE_LIMITS,
): void {
  const clients = new TokenBuckets(limits.perClient);
  const usernamesAtClients = new TokenBuckets(limits.perUsernameAtClient);
  // preHandler: after the body is parsed (the username is in it), before the password is checked.
  const limit = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!csrfMatches(request, fieldOf(request.body, '_csrf'))) return;
    const username = usernameOf(request.body);
    // The address's bucket first: a client already over its limit uses up no user's attempts.
    let wait = clients.take(`ip:${request.ip}`);
    if (wait === 0 && username !== undefined)
      wait = usernamesAtClients.take(`user:${username}@ip:${request.ip}`);
    if (wait === 0) return;
    void reply.code(429).header('retry-after', String(wait));
    // The sign-in form is posted by a browser: it gets a page with the message, not raw JSON.
    if (acceptsHtml(request)) {
      await reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .send(tooManySignInsPage(wait).value);
      return;
    }
    await reply.send({
      statusCode: 429,
      error: 'Too Many Requests',
      message: `Too many sign-in attempts; try again in ${wait} seconds.`,
    });
  };
  // Only the routes that check a password run it; every other request skips it entirely.
  fastify.addHook('onRoute', (route) => {
    const methods = [route.method].flat();
    if (!methods.some((method) => AUTH_ROUTES.has(`${method} ${route.url}`))) return;
    const existing = route.preHandler;
    route.preHandler = [
      ...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing]),
      limit,
    ];
  });
}
