import type { ApiConfig } from './api-config';
import { exposedDevelopmentRefusal, isLoopback } from './exposed-development';

const config = (host: string, usingDevJwtSecret = true): ApiConfig =>
  ({
    host,
    port: 3000,
    jwtSecret: 'x',
    usingDevJwtSecret,
    store: { kind: 'sqlite' },
  }) as unknown as ApiConfig;

describe('a development configuration listening beyond this machine (serve without NODE_ENV=production)', () => {
  it('Given addresses, Then only this machine’s count as loopback', () => {
    for (const host of [
      '127.0.0.1',
      '127.0.1.1',
      '::1',
      '0:0:0:0:0:0:0:1',
      '::ffff:127.0.0.1',
      'localhost',
      'LOCALHOST.',
    ])
      expect({ host, loopback: isLoopback(host) }).toEqual({ host, loopback: true });
    for (const host of [
      '0.0.0.0',
      '::',
      '10.0.0.5',
      '::ffff:10.0.0.1',
      'fe80::1',
      'care.example.org',
      '128.0.0.1',
    ])
      expect({ host, loopback: isLoopback(host) }).toEqual({ host, loopback: false });
  });

  it('Given no NODE_ENV, no secret and no users file, When bound to every interface, Then start-up is refused naming NODE_ENV, HOST, both settings and what to do', () => {
    const refused = exposedDevelopmentRefusal(config('0.0.0.0'), {}, { development: false });
    expect(refused?.variable).toBe('NODE_ENV');
    expect(refused?.message).toBe(
      'NODE_ENV: is not "production" while HOST 0.0.0.0 listens for other machines, and ' +
        'CARE_JOURNEY_JWT_SECRET is not set, so tokens are signed with the public development secret (anyone can mint an admin token); and ' +
        'CARE_JOURNEY_USERS is not set, so the demo users sign in with the published password (admin.demo among them). ' +
        'For a server: set NODE_ENV=production with CARE_JOURNEY_JWT_SECRET, CARE_JOURNEY_AUDIT_KEY and CARE_JOURNEY_USERS. ' +
        'For development: listen on this machine only (HOST=127.0.0.1), or start with `care-journey serve --dev` on a machine no one else can reach',
    );
  });

  it('Given a private secret but no users file, Then the demo users alone are reason enough to refuse; with both set it starts', () => {
    const refused = exposedDevelopmentRefusal(config('10.0.0.5', false), {}, { development: false });
    expect(refused?.message).toContain('CARE_JOURNEY_USERS is not set');
    expect(refused?.message).not.toContain('CARE_JOURNEY_JWT_SECRET is not set');
    expect(
      exposedDevelopmentRefusal(
        config('10.0.0.5', false),
        { CARE_JOURNEY_USERS: '/etc/cj/users.json' },
        { development: false },
      ),
    ).toBeUndefined();
  });

  it('Given the same development configuration, When bound to this machine, or started with --dev, or in production, Then nothing is refused', () => {
    expect(exposedDevelopmentRefusal(config('127.0.0.1'), {}, { development: false })).toBeUndefined();
    expect(exposedDevelopmentRefusal(config('::1'), {}, { development: false })).toBeUndefined();
    expect(exposedDevelopmentRefusal(config('0.0.0.0'), {}, { development: true })).toBeUndefined();
    // Production refuses the development secret and demo users itself (load-api-config, user-directory).
    expect(
      exposedDevelopmentRefusal(config('0.0.0.0', false), { NODE_ENV: 'production' }, { development: false }),
    ).toBeUndefined();
  });
});
