import { isIP } from 'node:net';
import { isProduction } from '@care-journey/access';
import { ConfigError, type ApiConfig } from './api-config';
import { HOST_VARIABLE } from './host-setting';

type Env = Record<string, string | undefined>;

/** An address only this machine reaches: 127.0.0.0/8, ::1 (also IPv4-mapped), or the name localhost. */
export function isLoopback(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (isIP(name) === 4) return name.startsWith('127.');
  if (isIP(name) !== 6) return false;
  // The URL parser writes an IPv6 address in its one short form (0:0:0:0:0:0:0:1 is [::1]).
  const short = new URL(`http://[${name}]/`).hostname;
  return short === '[::1]' || short.startsWith('[::ffff:7f');
}

/**
 * What makes a development start unsafe to reach from other machines: tokens signed with the
 * public development secret (anyone can mint an admin token), or the demo users, whose password the
 * sign-in page prints. Both only outside NODE_ENV=production (production refuses them anyway).
 */
function developmentOpenings(config: ApiConfig, env: Env): string[] {
  if (isProduction(env)) return [];
  const openings: string[] = [];
  if (config.usingDevJwtSecret)
    openings.push(
      'CARE_JOURNEY_JWT_SECRET is not set, so tokens are signed with the public development secret (anyone can mint an admin token)',
    );
  if (!env.CARE_JOURNEY_USERS?.trim())
    openings.push(
      'CARE_JOURNEY_USERS is not set, so the demo users sign in with the published password (admin.demo among them)',
    );
  return openings;
}

/**
 * `serve` (and the API's own main) refuses to start a development configuration bound to an address
 * other machines reach: one forgotten NODE_ENV on a server would otherwise open every record. It
 * starts when bound to this machine only (HOST=127.0.0.1), or when the operator says this is a
 * development machine (`serve --dev`; the demo, a development command, does so).
 */
export function exposedDevelopmentRefusal(
  config: ApiConfig,
  env: Env,
  { development }: { development: boolean },
): ConfigError | undefined {
  if (development || isLoopback(config.host)) return undefined;
  const openings = developmentOpenings(config, env);
  if (openings.length === 0) return undefined;
  return new ConfigError(
    'NODE_ENV',
    `is not "production" while ${HOST_VARIABLE} ${config.host} listens for other machines, and ${openings.join('; and ')}. ` +
      'For a server: set NODE_ENV=production with CARE_JOURNEY_JWT_SECRET, CARE_JOURNEY_AUDIT_KEY and CARE_JOURNEY_USERS. ' +
      'For development: listen on this machine only (HOST=127.0.0.1), or start with `care-journey serve --dev` on a machine no one else can reach',
  );
}
