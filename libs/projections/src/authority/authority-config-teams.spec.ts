import { DEFAULT_AUTHORITY_CONFIG } from './authority-config';
import { authorityConfig } from './authority-config-overrides';

describe('authority settings: teams', () => {
  it('defaults to the demo teams and takes the authority’s own, spaces tidied', () => {
    expect(authorityConfig({}).teams).toEqual(DEFAULT_AUTHORITY_CONFIG.teams);
    expect(authorityConfig({ teams: [' North  CiC ', 'South CiC'] }).teams).toEqual([
      'North CiC',
      'South CiC',
    ]);
  });

  it.each([
    [[], 'teams: must name at least one team'],
    ['North', 'teams: must be a list'],
    [['North', ''], 'teams[1]: must be a non-empty string'],
    [['North CiC', 'north  cic'], 'teams: must not name a team twice (ignoring case and spacing): north cic'],
  ])('refuses %j, naming the field and the rule', (teams, message) => {
    expect(() => authorityConfig({ teams })).toThrow(message);
  });
});
