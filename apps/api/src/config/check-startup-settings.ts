import { readFileSync } from 'node:fs';
import { loadAuditKey } from '@care-journey/audit';
import type { StoreConfig } from '@care-journey/event-store';
import { driftConfigFromEnv, loadReadModelConfig } from '@care-journey/projections';
import { parseUsers } from '../web/auth/user-directory';
import { ConfigError } from './api-config';

type Env = Record<string, string | undefined>;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A failure while reading `variable`, as the ConfigError start-up reports (its message kept). */
function settingError(variable: string, error: unknown): Error {
  if (error instanceof ConfigError) return error;
  const message = messageOf(error);
  // Settings errors already start with the variable's name; others get it in front.
  return new ConfigError(
    variable,
    message.startsWith(`${variable}: `) ? message.slice(variable.length + 2) : message,
  );
}

function asSetting(variable: string, check: () => unknown): void {
  try {
    check();
  } catch (error) {
    throw settingError(variable, error);
  }
}

/**
 * The settings read while the app's modules start (read models, drift thresholds, audit key,
 * users file), checked before it starts, so a bad one stops start-up with one line naming the
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
  asSetting('CARE_JOURNEY_AUDIT_KEY', () => loadAuditKey(env));
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
        parseUsers(text, usersFile);
      } catch (error) {
        throw new Error(
          error instanceof SyntaxError
            ? `${usersFile} is not valid JSON (${error.message})`
            : messageOf(error),
        );
      }
    });
}
