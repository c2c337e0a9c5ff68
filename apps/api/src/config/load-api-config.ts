import {
  EnvironmentKindError,
  isProduction,
  JwtSecretError,
  readJwtSecret,
  tokenAcceptance,
  TokenAcceptanceError,
} from '@care-journey/access';
import { loadStoreConfig, StoreConfigError } from '@care-journey/event-store';
import {
  projectionsModeFromEnv,
  ReadModelConfigError,
  type ProjectionsMode,
} from '@care-journey/projections';
import { readLogSettings } from '../logging/log-settings';
import { ConfigError, type ApiConfig } from './api-config';
import { HOST_VARIABLE, readHost } from './host-setting';
import { parseSchemaWrites, SCHEMA_WRITES_VARIABLE, type SchemaWrites } from '@care-journey/journey';
import { parseTrustProxy, TRUST_PROXY_VARIABLE } from './trust-proxy';

type Env = Record<string, string | undefined>;

const read = (env: Env, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

/** Reads and checks the environment once at start-up; a bad value stops the API with a ConfigError. */
export function loadApiConfig(env: Env = process.env): ApiConfig {
  // NODE_ENV first: every later check that differs in production relies on it.
  refusedAsConfigError(EnvironmentKindError, () => isProduction(env));
  return {
    port: readPort(env),
    host: readHost(read(env, HOST_VARIABLE)),
    // The token secret: the rule the CLI's `token` shares.
    ...refusedAsConfigError(JwtSecretError, () => readJwtSecret(env)),
    store: readStore(env),
    trustProxy: parseTrustProxy(read(env, TRUST_PROXY_VARIABLE)),
    projections: readProjectionsMode(env),
    log: readLogSettings(env),
    schemaWrites: readSchemaWrites(env),
    // Its default follows NODE_ENV.
    tokens: refusedAsConfigError(TokenAcceptanceError, () => tokenAcceptance(env)),
  };
}

/**
 * `parse()`, one of libs/access's parsers; its refusal (an error of `refusal`'s class, naming the
 * variable and the rule) stops the API as a ConfigError.
 */
function refusedAsConfigError<T>(
  refusal: abstract new (...args: never[]) => Error & { variable: string; rule: string },
  parse: () => T,
): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof refusal) throw new ConfigError(error.variable, error.rule);
    throw error;
  }
}

function readSchemaWrites(env: Env): SchemaWrites {
  const parsed = parseSchemaWrites(read(env, SCHEMA_WRITES_VARIABLE));
  if (typeof parsed === 'object') throw new ConfigError(SCHEMA_WRITES_VARIABLE, parsed.rule);
  return parsed;
}

/** The one parser of CARE_JOURNEY_PROJECTIONS (libs/projections), its error as the API's ConfigError. */
function readProjectionsMode(env: Env): ProjectionsMode {
  try {
    return projectionsModeFromEnv(env);
  } catch (error) {
    if (error instanceof ReadModelConfigError) throw new ConfigError(error.variable, ruleOf(error));
    throw error;
  }
}

/** The rule of a `<variable>: <rule>` message. */
const ruleOf = (error: ReadModelConfigError): string => error.message.slice(error.variable.length + 2);

function readPort(env: Env): number {
  const raw = read(env, 'PORT');
  if (raw === undefined) return 3000;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535)
    throw new ConfigError('PORT', `must be a whole number 0–65535, got "${raw}"`);
  return port;
}

function readStore(env: Env): ApiConfig['store'] {
  try {
    return loadStoreConfig(env);
  } catch (error) {
    if (error instanceof StoreConfigError) throw new ConfigError(error.variable, error.message);
    throw error;
  }
}
