import { loadAuditKey } from '@care-journey/audit';
import { isProduction } from '@care-journey/access';
import { secureCookies } from '../auth/session-cookie';
import { DEMO_PASSWORD, loadUserDirectory } from '../web/auth/user-directory';
import { exposedDevelopmentRefusal } from './exposed-development';
import { loadApiConfig } from './load-api-config';

/**
 * Review s12 F1: the exposure guard trimmed NODE_ENV and the other production checks did not, so
 * "production " listened on 0.0.0.0 with demo users, the public audit key and non-Secure cookies.
 * Every check now reads it through libs/access environment-kind.
 */
describe('NODE_ENV means the same to every production check', () => {
  const withSpace = { NODE_ENV: 'production ' };
  const saved = process.env.NODE_ENV;
  afterEach(() => {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  });

  it('Given NODE_ENV="production ", When the users are loaded without a users file, Then no demo user signs in', () => {
    const directory = loadUserDirectory(withSpace);
    expect(directory.demo).toBe(false);
    expect(directory.authenticate('admin.demo', DEMO_PASSWORD)).toBeUndefined();
  });

  it('Given NODE_ENV="production ", When the audit key is loaded unset, Then it is refused instead of the public development key', () => {
    expect(() => loadAuditKey(withSpace)).toThrow(/CARE_JOURNEY_AUDIT_KEY is not set; it is required/);
  });

  it('Given NODE_ENV="production ", When a page answers over plain HTTP, Then its cookies are Secure', () => {
    process.env.NODE_ENV = 'production ';
    expect(secureCookies({ protocol: 'http' })).toBe(true);
  });

  it('Given NODE_ENV="production " with a secret, When bound to every interface, Then the exposure guard and the rest agree it is production', () => {
    const config = loadApiConfig({ ...withSpace, HOST: '0.0.0.0', CARE_JOURNEY_JWT_SECRET: 'x'.repeat(40) });
    expect(exposedDevelopmentRefusal(config, withSpace, { development: false })).toBeUndefined();
    expect(isProduction(withSpace)).toBe(true);
  });

  it('Given NODE_ENV=prod, When any production check reads it, Then each refuses naming NODE_ENV rather than meaning development', () => {
    const typo = { NODE_ENV: 'prod' };
    const rule = /NODE_ENV: allowed values are 'production', 'development', 'test'/;
    expect(() => loadUserDirectory(typo)).toThrow(rule);
    expect(() => loadAuditKey(typo)).toThrow(rule);
    expect(() => loadApiConfig(typo)).toThrow(rule);
    process.env.NODE_ENV = 'prod';
    expect(() => secureCookies({ protocol: 'http' })).toThrow(rule);
  });
});
