import type { FastifyInstance } from 'fastify';
import { registerFormParser } from './form-body-parser';
import { registerGuardedJsonParser } from './json-body-parser';
import { DEFAULT_JSON_LIMITS, type JsonGuardLimits } from './json-guard';
import { listReadLimitsFromEnv, registerListReadRateLimit } from './list-read-rate-limit';
import { DEFAULT_LOGIN_RATE_LIMITS, registerLoginRateLimit, type LoginRateLimits } from './login-rate-limit';
import type { BucketSettings } from './token-bucket';
import { registerSecurityHeaders } from './security-headers';

/** Largest request body of any kind, in bytes; Fastify answers 413 above it. */
export const BODY_LIMIT_BYTES = 1_048_576;

export interface SecurityOptions {
  json?: JsonGuardLimits;
  loginRateLimits?: LoginRateLimits;
  /** Lists of children read per user id (ListReadRateLimitGuard); default: CARE_JOURNEY_LIST_READ_LIMIT. */
  listReadLimits?: BucketSettings;
}

/**
 * Everything the HTTP edge does for safety, on the raw Fastify instance before Nest adds routes:
 * headers, the body parsers (JSON guarded; so Nest must be created with `bodyParser: false`),
 * sign-in rate limiting and the per-user budget of list reads. Errors never carry a stack: they
 * all go through AllExceptionsFilter (src/http), which answers 5xx with a generic message.
 */
export function applySecurity(fastify: FastifyInstance, options: SecurityOptions = {}): void {
  registerSecurityHeaders(fastify);
  registerGuardedJsonParser(fastify, options.json ?? DEFAULT_JSON_LIMITS);
  registerFormParser(fastify);
  registerLoginRateLimit(fastify, options.loginRateLimits ?? DEFAULT_LOGIN_RATE_LIMITS);
  registerListReadRateLimit(fastify, options.listReadLimits ?? listReadLimitsFromEnv());
}
