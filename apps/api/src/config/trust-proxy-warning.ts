import type { ApiConfig } from './api-config';
import { isLoopback } from './exposed-development';
import { HOST_VARIABLE } from './host-setting';
import { TRUST_PROXY_VARIABLE } from './trust-proxy';

type Env = Record<string, string | undefined>;

/**
 * The start-up warning for a production API that has not said whether a proxy is in front of it
 * (CARE_JOURNEY_TRUST_PROXY unset). The sign-in rate limit keys on the client's address; behind a
 * proxy that is not named there, every client is the proxy and one person failing on purpose locks
 * everyone out of signing in. Whether a proxy is in front cannot be seen at start-up (no request
 * yet, and a later X-Forwarded-For proves nothing: any client can send one), so this warns on what
 * is known: production, with the setting not stated. Bound to this machine only, a proxy on it is
 * the only way in, so that is said outright. `false` states "no proxy" and silences it; development
 * (never reachable from other machines unless `--dev`) is not warned.
 */
export function unstatedTrustProxyWarning(config: Pick<ApiConfig, 'host'>, env: Env): string | undefined {
  if (env.NODE_ENV?.trim() !== 'production' || env[TRUST_PROXY_VARIABLE]?.trim()) return undefined;
  const consequence =
    'the sign-in rate limit counts every client of a proxy as that proxy, so one person failing on purpose locks everyone out of signing in';
  if (isLoopback(config.host))
    return (
      `${TRUST_PROXY_VARIABLE} is not set while ${HOST_VARIABLE} ${config.host} takes connections from this machine only, so clients come through a proxy on it: ` +
      `${consequence}. Set ${TRUST_PROXY_VARIABLE} to the proxy's address (e.g. 127.0.0.1)`
    );
  return (
    `${TRUST_PROXY_VARIABLE} is not set while ${HOST_VARIABLE} ${config.host} listens for other machines: if a proxy is in front, ${consequence}. ` +
    `Set ${TRUST_PROXY_VARIABLE} to the proxies' addresses, or to false if clients connect directly`
  );
}
