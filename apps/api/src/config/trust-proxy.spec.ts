import { ConfigError } from './api-config';
import { parseTrustProxy } from './trust-proxy';

describe('parseTrustProxy (CARE_JOURNEY_TRUST_PROXY)', () => {
  it.each([undefined, '', '  ', 'false', 'FALSE'])('%p trusts no proxy', (raw) => {
    expect(parseTrustProxy(raw)).toBe(false);
  });

  it.each(['1', ' 2 ', '0', '12'])('refuses the hop count %p, saying why', (raw) => {
    expect(() => parseTrustProxy(raw)).toThrow(ConfigError);
    expect(() => parseTrustProxy(raw)).toThrow(
      /^CARE_JOURNEY_TRUST_PROXY: must be false or a comma-separated list .*a hop count \(\d+\) is refused/,
    );
  });

  it('takes a list of proxy addresses and CIDR ranges', () => {
    expect(parseTrustProxy('10.0.0.5, 10.1.0.0/16,::1,fd00::/8')).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      '::1',
      'fd00::/8',
    ]);
  });

  it('refuses true: any client could choose its own address', () => {
    expect(() => parseTrustProxy('true')).toThrow(ConfigError);
    expect(() => parseTrustProxy('true')).toThrow(/^CARE_JOURNEY_TRUST_PROXY: .*any client/);
  });

  it.each(['-1', '1.5', 'proxy.internal', '10.0.0.5,', '10.0.0.0/33', '10.0.0.1/8/2', 'yes'])(
    'refuses %p naming the variable and the rule',
    (raw) => {
      expect(() => parseTrustProxy(raw)).toThrow(
        /^CARE_JOURNEY_TRUST_PROXY: must be false or a comma-separated list of proxy addresses/,
      );
    },
  );
});
