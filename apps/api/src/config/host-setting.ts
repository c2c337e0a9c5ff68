import { isIP } from 'node:net';
import { ConfigError } from './api-config';

export const HOST_VARIABLE = 'HOST';
const DEFAULT_HOST = '0.0.0.0';
const RULE = 'must be an IP address (e.g. 127.0.0.1, ::1) or a host name of this machine (e.g. localhost)';

/** A DNS name (RFC 1123): labels of letters, digits and inner hyphens; the last not all digits, so 999.1.1.1 is no name. */
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;
function isHostName(value: string): boolean {
  const labels = value.replace(/\.$/, '').split('.');
  return (
    value.length <= 253 && labels.every((label) => LABEL.test(label)) && !/^\d+$/.test(labels.at(-1) ?? '')
  );
}

/** HOST, the address the API binds to; unset: every interface. Checked for form only: whether it resolves shows at listen. */
export function readHost(raw: string | undefined): string {
  if (raw === undefined) return DEFAULT_HOST;
  if (isIP(raw) === 0 && !isHostName(raw)) throw new ConfigError(HOST_VARIABLE, `${RULE}, got "${raw}"`);
  return raw;
}

/** Listen errors that come from a setting, named after it (the others are passed on as they are). */
const SETTING_OF: Record<string, { variable: string; rule: string }> = {
  ENOTFOUND: { variable: HOST_VARIABLE, rule: 'is no host name this machine can resolve' },
  EAI_AGAIN: { variable: HOST_VARIABLE, rule: 'could not be resolved (name service unavailable)' },
  EADDRNOTAVAIL: { variable: HOST_VARIABLE, rule: 'is not an address of this machine' },
  EADDRINUSE: { variable: 'PORT', rule: 'is already in use on that address' },
  EACCES: { variable: 'PORT', rule: 'needs privileges this process does not have (a port below 1024?)' },
};

/** The ConfigError naming HOST or PORT for a failure to listen on host:port, or undefined for any other error. */
export function listenError(error: unknown, host: string, port: number): ConfigError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  const setting = typeof code === 'string' ? SETTING_OF[code] : undefined;
  if (setting === undefined) return undefined;
  const value = setting.variable === HOST_VARIABLE ? host : String(port);
  return new ConfigError(
    setting.variable,
    `"${value}" ${setting.rule}: cannot listen on ${host}:${port} (${code})`,
  );
}
