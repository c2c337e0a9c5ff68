/** The authority settings read from the environment (inline JSON over a file). */
import { loadAuthorityConfig } from './authority-config-env';
import { AuthorityConfigError } from './authority-config-overrides';

describe('authority settings from the environment', () => {
  it('lays the inline JSON over the file, and names the variable of a bad one', () => {
    const files: Record<string, string> = {
      '/etc/cj.json': '{"childPopulation": 150000, "distanceMiles": 25}',
    };
    const config = loadAuthorityConfig(
      { CARE_JOURNEY_AUTHORITY_FILE: '/etc/cj.json', CARE_JOURNEY_AUTHORITY: '{"distanceMiles": 30}' },
      (p) => files[p],
    );
    expect(config).toMatchObject({ childPopulation: 150000, distanceMiles: 30, la: 'E10000003' });
    expect(() => loadAuthorityConfig({ CARE_JOURNEY_AUTHORITY: '{nope' })).toThrow(AuthorityConfigError);
    expect(() => loadAuthorityConfig({ CARE_JOURNEY_AUTHORITY: '{nope' })).toThrow(
      /^CARE_JOURNEY_AUTHORITY: must be JSON/,
    );
    expect(() =>
      loadAuthorityConfig({ CARE_JOURNEY_AUTHORITY_FILE: '/missing.json' }, () => {
        throw new Error('ENOENT');
      }),
    ).toThrow(/^CARE_JOURNEY_AUTHORITY_FILE: cannot read \/missing.json/);
  });
});
