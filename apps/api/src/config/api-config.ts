import type { StoreConfig } from '@care-journey/event-store';
import type { ProjectionsMode } from '@care-journey/projections';
import type { LogSettings } from '../logging/log-settings';
import type { SchemaWrites } from '@care-journey/journey';
import type { TokenAcceptance } from '@care-journey/access';
import type { TrustProxy } from './trust-proxy';

/** Everything the API needs to start; built from the environment (main.ts) or by a test. */
export interface ApiConfig {
  port: number;
  host: string;
  jwtSecret: string;
  /** True when the fixed development secret is in use (never in production). */
  usingDevJwtSecret: boolean;
  /** CARE_JOURNEY_JWT_SECRET_PREVIOUS: tokens it signed are still accepted (a rotation); it signs none. */
  previousJwtSecret?: string;
  store: StoreConfig;
  /** Proxies whose X-Forwarded-For names the client (CARE_JOURNEY_TRUST_PROXY); absent = none. */
  trustProxy?: TrustProxy;
  /**
   * Who projects the read models (CARE_JOURNEY_PROJECTIONS): `inline` on the API's event loop,
   * `thread` on a worker thread of the API, `worker` in apps/projector. Absent (a config built by
   * hand, e.g. a test): DEFAULT_PROJECTIONS_MODE.
   */
  projections?: ProjectionsMode;
  /** CARE_JOURNEY_LOG_FORMAT and CARE_JOURNEY_ACCESS_LOG; absent (a test's config): DEFAULT_LOG_SETTINGS. */
  log?: LogSettings;
  /**
   * CARE_JOURNEY_SCHEMA_WRITES: `held` refuses a write at a schema version the log does not hold
   * yet (children/commands/schema-write.gate.ts). Absent (a test's config): `current`.
   */
  schemaWrites?: SchemaWrites;
  /**
   * CARE_JOURNEY_TOKENS: `recorded` accepts only API tokens and web sessions whose id is in
   * `tokens-issued` (auth/recorded/recorded-tokens.ts). Absent (a test's config): `signed`, any token the secret signed.
   */
  tokens?: TokenAcceptance;
  /**
   * How long one look at the users file and the revoked-tokens file holds (auth/watched-file.ts).
   * Not an environment setting: absent, FILE_RECHECK_MS (1 s); specs set 0 to see a change at the
   * next request.
   */
  fileRecheckMs?: number;
  /**
   * How long a web sign-in, and each "Stay signed in", lasts (auth/session-limits.ts). Not an
   * environment setting: absent, SESSION_HOURS (8 hours); browser specs set a minute or two to see
   * the warning without waiting. At most SESSION_HOURS: the API refuses longer session tokens.
   */
  sessionMinutes?: number;
}

/** The projections mode when CARE_JOURNEY_PROJECTIONS is not set: libs/projections' (one parser, one default). */
export { DEFAULT_PROJECTIONS_MODE } from '@care-journey/projections';

export const API_CONFIG = Symbol('API_CONFIG');

/** A setting the API cannot start with; the message names the variable and the rule. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly variable: string,
    rule: string,
  ) {
    super(`${variable}: ${rule}`);
  }
}
