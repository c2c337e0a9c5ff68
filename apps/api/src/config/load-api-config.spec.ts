import { DEV_JWT_SECRET } from '@care-journey/access';
import { loadReadModelConfig } from '@care-journey/projections';
import { ConfigError, DEFAULT_PROJECTIONS_MODE } from './api-config';
import { loadApiConfig } from './load-api-config';

const secret = 'x'.repeat(40);

describe('loadApiConfig', () => {
  it('defaults: port 3000, SQLite, the dev secret flagged', () => {
    const config = loadApiConfig({});
    expect(config.port).toBe(3000);
    expect(config.store.kind).toBe('sqlite');
    expect(config).toMatchObject({ jwtSecret: DEV_JWT_SECRET, usingDevJwtSecret: true, trustProxy: false });
  });

  it('reads the trusted proxies, and refuses a bad value naming the variable', () => {
    expect(loadApiConfig({ CARE_JOURNEY_TRUST_PROXY: '10.0.0.5' }).trustProxy).toEqual(['10.0.0.5']);
    expect(() => loadApiConfig({ CARE_JOURNEY_TRUST_PROXY: '1' })).toThrow(
      /^CARE_JOURNEY_TRUST_PROXY: .*hop count/,
    );
    expect(() => loadApiConfig({ CARE_JOURNEY_TRUST_PROXY: 'true' })).toThrow(/^CARE_JOURNEY_TRUST_PROXY: /);
  });

  it('reads PORT, the secret and the SQLite file', () => {
    const config = loadApiConfig({
      PORT: '8080',
      CARE_JOURNEY_JWT_SECRET: secret,
      CARE_JOURNEY_SQLITE_FILE: '/tmp/x.db',
    });
    expect(config).toMatchObject({
      port: 8080,
      jwtSecret: secret,
      usingDevJwtSecret: false,
      store: { kind: 'sqlite', file: '/tmp/x.db' },
    });
  });

  it.each(['abc', '70000', '-1', '80.5'])('refuses PORT=%s naming the variable', (PORT) => {
    expect(() => loadApiConfig({ PORT })).toThrow(/^PORT: /);
  });

  it('refuses to start in production without a secret, or with the dev secret', () => {
    expect(() => loadApiConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadApiConfig({ NODE_ENV: 'production', CARE_JOURNEY_JWT_SECRET: DEV_JWT_SECRET })).toThrow(
      /CARE_JOURNEY_JWT_SECRET/,
    );
    expect(loadApiConfig({ NODE_ENV: 'production', CARE_JOURNEY_JWT_SECRET: secret }).usingDevJwtSecret).toBe(
      false,
    );
  });

  it('Given NODE_ENV="production " (trailing space), When the config is read, Then production rules apply: no secret is refused', () => {
    expect(() => loadApiConfig({ NODE_ENV: 'production ' })).toThrow(/^CARE_JOURNEY_JWT_SECRET: /);
  });

  it('Given NODE_ENV=prod (a typo), When the config is read, Then start-up is refused naming NODE_ENV and the allowed values', () => {
    const read = () => loadApiConfig({ NODE_ENV: 'prod', CARE_JOURNEY_JWT_SECRET: secret });
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(/^NODE_ENV: allowed values are 'production', 'development', 'test'.*got "prod"$/);
  });

  it('refuses a short secret', () => {
    expect(() => loadApiConfig({ CARE_JOURNEY_JWT_SECRET: 'short' })).toThrow(
      /CARE_JOURNEY_JWT_SECRET: must be at least 32/,
    );
  });

  it('names the store variable that is wrong', () => {
    expect(() => loadApiConfig({ CARE_JOURNEY_STORE: 'mongo' })).toThrow(/^CARE_JOURNEY_STORE: /);
  });

  it('Given CARE_JOURNEY_SCHEMA_WRITES unset, current or held, Then it is read (default current); Given another value, Then start-up is refused naming the variable and the values', () => {
    expect(loadApiConfig({}).schemaWrites).toBe('current');
    expect(loadApiConfig({ CARE_JOURNEY_SCHEMA_WRITES: 'current' }).schemaWrites).toBe('current');
    expect(loadApiConfig({ CARE_JOURNEY_SCHEMA_WRITES: ' held ' }).schemaWrites).toBe('held');
    expect(() => loadApiConfig({ CARE_JOURNEY_SCHEMA_WRITES: 'previous' })).toThrow(
      /^CARE_JOURNEY_SCHEMA_WRITES: must be one of current, held \(default current\), got "previous"$/,
    );
  });

  it('Given CARE_JOURNEY_TOKENS unset, Then the API accepts only recorded tokens in production and any signed token elsewhere; Given a value, Then it is read; Given another, Then start-up is refused naming the variable', () => {
    const secret = 'x'.repeat(40);
    const production = {
      NODE_ENV: 'production',
      CARE_JOURNEY_JWT_SECRET: secret,
      CARE_JOURNEY_AUDIT_KEY: secret,
    };
    expect(loadApiConfig(production).tokens).toBe('recorded');
    expect(loadApiConfig({ ...production, CARE_JOURNEY_TOKENS: 'signed' }).tokens).toBe('signed');
    expect(loadApiConfig({}).tokens).toBe('signed');
    expect(loadApiConfig({ CARE_JOURNEY_TOKENS: 'recorded' }).tokens).toBe('recorded');
    expect(() => loadApiConfig({ CARE_JOURNEY_TOKENS: 'yes' })).toThrow(
      /^CARE_JOURNEY_TOKENS: allowed values are 'recorded' .* got "yes"$/,
    );
  });

  it('reads the projections mode (default DEFAULT_PROJECTIONS_MODE), and refuses another naming the variable', () => {
    expect(loadApiConfig({}).projections).toBe(DEFAULT_PROJECTIONS_MODE);
    for (const mode of ['inline', 'thread', 'worker'])
      expect(loadApiConfig({ CARE_JOURNEY_PROJECTIONS: mode }).projections).toBe(mode);
    expect(() => loadApiConfig({ CARE_JOURNEY_PROJECTIONS: 'sometimes' })).toThrow(
      /^CARE_JOURNEY_PROJECTIONS: allowed values are 'inline', 'thread', 'worker'/,
    );
  });

  it('Given CARE_JOURNEY_PROJECTIONS unset or wrong, When serve (the API) and rebuild (the read-model config) read it, Then they give the same mode and the same refusal', () => {
    expect(loadApiConfig({}).projections).toBe('thread');
    expect(loadReadModelConfig({}).mode).toBe('thread');
    const refusal = (read: () => unknown): string => {
      try {
        read();
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error('expected a refusal');
    };
    const env = { CARE_JOURNEY_PROJECTIONS: 'foo' };
    expect(refusal(() => loadApiConfig(env))).toBe(refusal(() => loadReadModelConfig(env)));
    expect(refusal(() => loadApiConfig(env))).toBe(
      `CARE_JOURNEY_PROJECTIONS: allowed values are 'inline', 'thread', 'worker' (default 'thread'), got "foo"`,
    );
    expect(() => loadApiConfig(env)).toThrow(ConfigError);
  });
});
