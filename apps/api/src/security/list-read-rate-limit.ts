import type { FastifyInstance } from 'fastify';
import { ConfigError } from '../config/api-config';
import { TokenBuckets, type BucketSettings } from './token-bucket';

/**
 * Reads that list children's personal data and each leave an entry in the append-only read-access
 * trail: the child search, the drift report, the children behind a measure, the exports. One token
 * sending them as fast as it can grew the event log by ~1 MB/s (review D5); a budget per user id
 * bounds that, as the sign-in limiter bounds password guesses (the same token buckets).
 */
export const LIST_READ_ROUTES: ReadonlySet<string> = new Set([
  'GET /children',
  'GET /panel/children',
  'GET /drift',
  'GET /drift-report',
  'GET /panel/drift',
  'GET /panel/drift.csv',
  'GET /audit/drift-report',
  'GET /panel/audit/drift',
  'GET /stability',
  'GET /permanence',
  'GET /scorecard',
  'GET /measures/:measure/children',
  'GET /panel/measures/:indicator',
  'GET /exports/903',
  'GET /exports/read-models/:name',
]);

/** Per user id: 60 at once, then 30 a minute (one every 2 s), far above a person paging through lists. */
export const DEFAULT_LIST_READ_LIMITS: BucketSettings = { capacity: 60, refillPerMinute: 30 };

export const LIST_READ_LIMIT_VARIABLE = 'CARE_JOURNEY_LIST_READ_LIMIT';

/** CARE_JOURNEY_LIST_READ_LIMIT=`<at once>/<per minute>`, e.g. `60/30`; unset: the default. */
export function listReadLimitsFromEnv(env: Record<string, string | undefined> = process.env): BucketSettings {
  const raw = env[LIST_READ_LIMIT_VARIABLE]?.trim();
  if (raw === undefined || raw === '') return DEFAULT_LIST_READ_LIMITS;
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(raw);
  const capacity = Number(match?.[1]);
  const refillPerMinute = Number(match?.[2]);
  if (!match || capacity < 1 || refillPerMinute < 1)
    throw new ConfigError(
      LIST_READ_LIMIT_VARIABLE,
      `must be <reads at once>/<reads a minute>, two whole numbers ≥ 1 such as 60/30, got "${raw}"`,
    );
  return { capacity, refillPerMinute };
}

/** The buckets of one app: `take` answers 0 when the user may read, else the seconds to wait. */
export class ListReadLimiter {
  private readonly buckets: TokenBuckets;

  constructor(readonly settings: BucketSettings) {
    this.buckets = new TokenBuckets(settings);
  }

  /** Whether `METHOD /route/:template` is a list read (HEAD is GET without the body). */
  static covers(method: string, routeUrl: string | undefined): boolean {
    return LIST_READ_ROUTES.has(`${method === 'HEAD' ? 'GET' : method} ${routeUrl ?? ''}`);
  }

  take(userId: string): number {
    return this.buckets.take(`user:${userId}`);
  }
}

/**
 * The limiter each Fastify instance was given (createApp's security options, else the environment).
 * Kept beside the instance rather than in Nest's container so a test's limits reach it the same way
 * the sign-in limits do; the guard (list-read-rate-limit.guard.ts) looks it up.
 */
const limiters = new WeakMap<FastifyInstance, ListReadLimiter>();

export function registerListReadRateLimit(fastify: FastifyInstance, limits: BucketSettings): void {
  limiters.set(fastify, new ListReadLimiter(limits));
}

export const listReadLimiterOf = (fastify: FastifyInstance): ListReadLimiter | undefined =>
  limiters.get(fastify);
