import { ConfigError } from '../config/api-config';

export const LOG_FORMAT_VARIABLE = 'CARE_JOURNEY_LOG_FORMAT';
export const ACCESS_LOG_VARIABLE = 'CARE_JOURNEY_ACCESS_LOG';

export type LogFormat = 'text' | 'json';

/** How the API logs (apps/api/README.md, "Logs"). */
export interface LogSettings {
  /** `text`: one line per message; `json`: one JSON object per line. */
  format: LogFormat;
  /** One line per answered request (http/request-log.ts); off saves a write per request. */
  accessLog: boolean;
}

export const DEFAULT_LOG_SETTINGS: LogSettings = { format: 'text', accessLog: true };

const LOG_FORMATS: readonly LogFormat[] = ['text', 'json'];
const SWITCHES: Readonly<Record<string, boolean>> = { on: true, off: false };

type Env = Record<string, string | undefined>;

const read = (env: Env, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
};

/** CARE_JOURNEY_LOG_FORMAT and CARE_JOURNEY_ACCESS_LOG, checked; a bad value is a ConfigError naming it. */
export function readLogSettings(env: Env = process.env): LogSettings {
  const format = read(env, LOG_FORMAT_VARIABLE) ?? DEFAULT_LOG_SETTINGS.format;
  const chosen = LOG_FORMATS.find((allowed) => allowed === format);
  if (chosen === undefined)
    throw new ConfigError(
      LOG_FORMAT_VARIABLE,
      `allowed values are 'text' (default) and 'json', got "${format}"`,
    );
  const accessLog = read(env, ACCESS_LOG_VARIABLE) ?? 'on';
  if (!(accessLog in SWITCHES))
    throw new ConfigError(
      ACCESS_LOG_VARIABLE,
      `allowed values are 'on' (default) and 'off', got "${accessLog}"`,
    );
  return { format: chosen, accessLog: SWITCHES[accessLog] };
}
