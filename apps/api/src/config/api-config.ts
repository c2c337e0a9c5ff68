import type { StoreConfig } from '@care-journey/event-store';

/** Everything the API needs to start; built from the environment (main.ts) or by a test. */
export interface ApiConfig {
  port: number;
  host: string;
  jwtSecret: string;
  /** True when the fixed development secret is in use (never in production). */
  usingDevJwtSecret: boolean;
  store: StoreConfig;
}

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
