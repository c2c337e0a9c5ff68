import { isIP } from 'node:net';
import { ConfigError } from './api-config';

/**
 * Which proxies may tell the API a client's address in X-Forwarded-For, in the forms Fastify's
 * `trustProxy` takes: `false` (none: the address is the TCP peer's) or the proxies' addresses /
 * CIDR ranges. Never `true`: trusting every hop lets any client that reaches the API directly
 * choose its own address, and so its own sign-in rate-limit bucket. Never a hop count either, for
 * the same reason: it trusts the last n hops without checking that the peer is a proxy at all
 * (Fastify 5.12 stopped honouring hop counts; we refuse one rather than have it ignored silently).
 */
export type TrustProxy = false | string[];

export const TRUST_PROXY_VARIABLE = 'CARE_JOURNEY_TRUST_PROXY';

const HOPS = /^\d+$/;
const RULE =
  'must be false or a comma-separated list of proxy addresses/CIDR ranges (e.g. 10.0.0.5,10.1.0.0/16)';

/** `/n` after an address: 0–32 for IPv4, 0–128 for IPv6. */
function isProxyAddress(entry: string): boolean {
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  if (!/^\d{1,3}$/.test(bits)) return false;
  return Number(bits) <= (family === 4 ? 32 : 128);
}

/** Reads CARE_JOURNEY_TRUST_PROXY; unset, empty or `false` trusts no proxy. */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim() ?? '';
  if (value === '' || value.toLowerCase() === 'false') return false;
  if (value.toLowerCase() === 'true') {
    throw new ConfigError(
      TRUST_PROXY_VARIABLE,
      `${RULE}; "true" would trust an X-Forwarded-For sent by any client`,
    );
  }
  if (HOPS.test(value)) {
    throw new ConfigError(
      TRUST_PROXY_VARIABLE,
      `${RULE}; a hop count (${value}) is refused: it trusts X-Forwarded-For without checking that the ` +
        'peer is one of your proxies, so a client reaching the API directly could choose its own address',
    );
  }
  const entries = value.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isProxyAddress(entry));
  if (bad.length > 0) {
    throw new ConfigError(
      TRUST_PROXY_VARIABLE,
      `${RULE}; not an address: ${bad.map((entry) => JSON.stringify(entry)).join(', ')}`,
    );
  }
  return entries;
}
