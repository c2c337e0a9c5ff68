import { unstatedTrustProxyWarning } from './trust-proxy-warning';

const production = { NODE_ENV: 'production' };

describe('the start-up warning when a production API does not say whether a proxy is in front', () => {
  it('Given production on every interface with CARE_JOURNEY_TRUST_PROXY unset, Then one line names the setting, the risk and both ways to state it', () => {
    const warning = unstatedTrustProxyWarning({ host: '0.0.0.0' }, production);
    expect(warning).toMatch(
      /^CARE_JOURNEY_TRUST_PROXY is not set while HOST 0\.0\.0\.0 listens for other machines/,
    );
    expect(warning).toContain('locks everyone out of signing in');
    expect(warning).toContain(
      "Set CARE_JOURNEY_TRUST_PROXY to the proxies' addresses, or to false if clients connect directly",
    );
    expect(warning).not.toContain('\n');
  });

  it('Given production bound to 127.0.0.1 with the setting unset, Then it says a proxy on this machine is the only way in', () => {
    expect(unstatedTrustProxyWarning({ host: '127.0.0.1' }, production)).toMatch(
      /HOST 127\.0\.0\.1 takes connections from this machine only, so clients come through a proxy on it: .*Set CARE_JOURNEY_TRUST_PROXY to the proxy's address/,
    );
  });

  it('Given production with the setting stated (false, or the proxies), Then no warning', () => {
    expect(
      unstatedTrustProxyWarning({ host: '0.0.0.0' }, { ...production, CARE_JOURNEY_TRUST_PROXY: 'false' }),
    ).toBeUndefined();
    expect(
      unstatedTrustProxyWarning(
        { host: '127.0.0.1' },
        { ...production, CARE_JOURNEY_TRUST_PROXY: '127.0.0.1' },
      ),
    ).toBeUndefined();
  });

  it('Given development, or a setting of blanks in production, Then none in development and a warning for blanks (they state nothing)', () => {
    expect(unstatedTrustProxyWarning({ host: '0.0.0.0' }, {})).toBeUndefined();
    expect(unstatedTrustProxyWarning({ host: '0.0.0.0' }, { NODE_ENV: 'development' })).toBeUndefined();
    expect(
      unstatedTrustProxyWarning({ host: '0.0.0.0' }, { ...production, CARE_JOURNEY_TRUST_PROXY: '  ' }),
    ).toMatch(/^CARE_JOURNEY_TRUST_PROXY is not set/);
  });
});
