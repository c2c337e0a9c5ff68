import { readFileSync } from 'node:fs';
import { loadAuditKey } from '@care-journey/audit';
import type { StoreConfig } from '@care-journey/event-store';
import { HOST_ID_VARIABLE, readHostId } from '@care-journey/event-store/sqlite';
import { driftConfigFromEnv, loadAuthorityConfig, loadReadModelConfig } from '@care-journey/projections';
import {
  parseUsers,
  readRevocationFile,
  REVOKED_TOKENS_VARIABLE,
  revokedTokensFile,
} from '@care-journey/access';
import { ConfigError } from './api-config';

type Env = Record<string, string | undefined>;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A failure while reading `variable`, as the ConfigError start-up reports (its message kept). */
function settingError(variable: string, error: unknown): Error {
  if (error instanceof ConfigError) return error;
  const message = messageOf(error);
  // Settings errors often start with the variable's name ("VAR: rule", "VAR must …"): said once.
  const rule = message.startsWith(`${variable}: `)
    ? message.slice(variable.length + 2)
    : message.startsWith(`${variable} `)
      ? message.slice(variable.length + 1)
      : message;
  return new ConfigError(variable, rule);
}

function asSetting(variable: string, check: () => unknown): void {
  try {
    check();
  } catch (error) {
    throw settingError(variable, error);
  }
}

/**
 * The settings read while the app's modules start (read models, drift thresholds, authority,
 * audit key, host id, users file, revoked tokens), checked before it starts, so a bad one stops start-up with one line naming the
 * variable and the rule instead of a stack trace from inside a module.
 */
export function checkStartupSettings(env: Env, store: StoreConfig): void {
  try {
    loadReadModelConfig(env, store);
  } catch (error) {
    // Its errors name their own variable (CARE_JOURNEY_PROJECTION_BATCH, …_REBUILD_THREADS, …).
    const variable = (error as { variable?: unknown }).variable;
    throw typeof variable === 'string' ? settingError(variable, error) : error;
  }
  asSetting('CARE_JOURNEY_DRIFT_THRESHOLDS', () => driftConfigFromEnv(env));
  try {
    loadAuthorityConfig(env);
  } catch (error) {
    // Names its variable, or a field of the settings (then whichever of the two variables is set).
    const field = (error as { field?: unknown }).field;
    const variable =
      typeof field === 'string' && field.startsWith('CARE_JOURNEY_')
        ? field
        : env.CARE_JOURNEY_AUTHORITY?.trim()
          ? 'CARE_JOURNEY_AUTHORITY'
          : 'CARE_JOURNEY_AUTHORITY_FILE';
    throw settingError(variable, error);
  }
  asSetting('CARE_JOURNEY_AUDIT_KEY', () => loadAuditKey(env));
  // Names this host in the store's in-use markers (libs/event-store sqlite/store-in-use.ts).
  if (store.kind === 'sqlite') asSetting(HOST_ID_VARIABLE, () => readHostId(env));
  const usersFile = env.CARE_JOURNEY_USERS?.trim();
  if (usersFile)
    asSetting('CARE_JOURNEY_USERS', () => {
      let text: string;
      try {
        text = readFileSync(usersFile, 'utf8');
      } catch (error) {
        throw new Error(
          `cannot read the users file ${usersFile} (${(error as NodeJS.ErrnoException).code ?? messageOf(error)})`,
        );
      }
      try {
        parseUsers(text, usersFile, loadAuthorityConfig(env));
      } catch (error) {
        throw new Error(
          error instanceof SyntaxError
            ? `${usersFile} is not valid JSON (${error.message})`
            : messageOf(error),
        );
      }
    });
  // Its errors name the file and the line.
  const revokedFile = revokedTokensFile(env);
  if (revokedFile) asSetting(REVOKED_TOKENS_VARIABLE, () => readRevocationFile(revokedFile));
}
