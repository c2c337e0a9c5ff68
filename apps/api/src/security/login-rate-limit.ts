import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { acceptsHtml } from '../web/html/accepts-html';
import { tooManySignInsPage } from '../web/html/too-many-sign-ins.page';
import { TokenBuckets, type BucketSettings } from './token-bucket';

export interface LoginRateLimits {
  /**
   * Attempts from one client address: the TCP peer's, or the one a trusted proxy forwarded
   * (CARE_JOURNEY_TRUST_PROXY; by default no proxy is trusted, so X-Forwarded-For is ignored).
   */
  perClient: BucketSettings;
  /**
   * Attempts at one username, whatever the address: many addresses (a botnet, or a trusted proxy
   * that passes on what its clients claim) cannot dodge it.
   */
  perUsername: BucketSettings;
}

export const DEFAULT_LOGIN_RATE_LIMITS: LoginRateLimits = {
  perClient: { capacity: 20, refillPerMinute: 20 },
  perUsername: { capacity: 10, refillPerMinute: 5 },
};

/** Routes that check a password. */
const AUTH_ROUTES = new Set(['POST /login']);

const usernameOf = (body: unknown): string | undefined => {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>).username;
  return typeof value === 'string' && value.trim() !== ''
    ? value.trim().toLowerCase().slice(0, 200)
    : undefined;
};

/**
 * Password guessing gets 429 with Retry-After once either bucket is empty; nothing is checked.
 * A browser (Accept: text/html) gets it as a page saying so, an API client as JSON.
 */
export function registerLoginRateLimit(
  fastify: FastifyInstance,
  limits: LoginRateLimits = DEFAULT_LOGIN_RATE_LIMITS,
): void {
  const clients = new TokenBuckets(limits.perClient);
  const usernames = new TokenBuckets(limits.perUsername);
  // preHandler: after the body is parsed (the username is in it), before the password is checked.
  const limit = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const username = usernameOf(request.body);
    const waits = [
      clients.take(`ip:${request.ip}`),
      username === undefined ? 0 : usernames.take(`user:${username}`),
    ];
    const wait = Math.max(...waits);
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
