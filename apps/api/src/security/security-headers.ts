import type { FastifyInstance } from 'fastify';

/**
 * Headers every answer carries. The pages load scripts only from /assets (no inline script), so
 * the policy can forbid inline script; inline style stays allowed for Swagger UI and chart.js.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  // Browsers ignore this over plain HTTP; behind a TLS proxy it pins HTTPS for a year.
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
};

/** The headers as pairs, made once (not an Object.entries a request). */
const SECURITY_HEADER_PAIRS: readonly (readonly [string, string])[] = Object.entries(SECURITY_HEADERS);

/** Answers about children must not linger in shared or browser caches; static assets may. */
const isCacheable = (url: string): boolean => url.startsWith('/assets/') || url.startsWith('/docs');

/** A callback hook, not an async one: every answer would otherwise pay a promise and its microtasks. */
export function registerSecurityHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    for (const [name, value] of SECURITY_HEADER_PAIRS) {
      if (!reply.hasHeader(name)) reply.header(name, value);
    }
    if (!isCacheable(request.url) && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    reply.removeHeader('x-powered-by');
    done(null, payload);
  });
}
