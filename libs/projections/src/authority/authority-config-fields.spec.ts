/** Authority settings refuse what they would otherwise ignore: an unknown field, a target of no figure, a malformed code. */
import { DEFAULT_AUTHORITY_CONFIG } from './authority-config';
import { loadAuthorityConfig } from './authority-config-env';
import { AuthorityConfigError, authorityConfig } from './authority-config-overrides';
import { figurePaths } from './figure-paths';
import { measuresRow } from './measures-row';
import { figureAt } from './targets';

const target = (measure: string) => ({ id: 't1', label: 'T', measure, kind: 'ceiling', value: 3 });

describe('authority settings: fields the settings do not take', () => {
  it('Given a misspelt top-level field, When the settings are read, Then it is refused by name with the fields taken', () => {
    expect(() => authorityConfig({ childPopulaton: 140000 })).toThrow(
      new AuthorityConfigError(
        'childPopulaton',
        'is not a field of the authority settings; it takes childPopulation, costTables, distanceMiles, districts, drift, la, name, scorecard, socialWorkerScope, targets, teams',
      ),
    );
  });

  it('Given several unknown fields, Then each is named in one error', () => {
    expect(() => authorityConfig({ colour: 1, la: 'E10000003', size: 2 })).toThrow(
      /^colour, size: are not fields of the authority settings; it takes childPopulation, /,
    );
  });

  it('Given an unknown field inside a target or a cost table, Then it is named by its path', () => {
    expect(() => authorityConfig({ targets: [{ ...target('lookedAfter.count'), valu: 3 }] })).toThrow(
      /^targets\[0\]\.valu: is not a field of targets\[0\]; it takes id, kind, label, measure, value$/,
    );
    expect(() =>
      authorityConfig({
        costTables: [
          { from: '2024-01-01', costs: [{ group: 'in_house_fostering', provder: 'external', weekly: 1 }] },
        ],
      }),
    ).toThrow(
      /^costTables\[0\]\.costs\[0\]\.provder: is not a field of costTables\[0\]\.costs\[0\]; it takes group, provider, weekly$/,
    );
  });

  it('Given the inline variable with a misspelt field, When the settings are loaded, Then start-up stops naming it', () => {
    expect(() => loadAuthorityConfig({ CARE_JOURNEY_AUTHORITY: '{"childPopulaton":140000}' })).toThrow(
      /^childPopulaton: is not a field of the authority settings/,
    );
  });
});

describe("authority settings: a target's measure", () => {
  it('Given a target naming no figure of the row, Then it is refused naming the figures there are', () => {
    expect(() => authorityConfig({ targets: [target('nope')] })).toThrow(
      /^targets\[0\]\.measure: nope is not a figure of a month's measures; it must be one of .*threePlusPlacements\.percentage/,
    );
    // A path to a part of the row that is not a number is no figure either.
    expect(() => authorityConfig({ targets: [target('threePlusPlacements')] })).toThrow(
      /^targets\[0\]\.measure: threePlusPlacements is not a figure/,
    );
    expect(() => authorityConfig({ targets: [target('month')] })).toThrow(
      /^targets\[0\]\.measure: month is not/,
    );
  });

  it('Given a target naming a figure, nested or nullable, Then it is kept', () => {
    const config = authorityConfig({
      targets: [
        target('placementMix.groups.in_house_fostering.percentage'),
        target('lookedAfter.ratePer10000'),
      ],
    });
    expect(config.targets.map((t) => t.measure)).toEqual([
      'placementMix.groups.in_house_fostering.percentage',
      'lookedAfter.ratePer10000',
    ]);
  });

  it('the figures a target may name are those a row holds: each reads as a number from a real row', () => {
    const row = measuresRow(
      [],
      { month: '2025-03', from: '2025-03-01', to: '2025-03-31' },
      { ...DEFAULT_AUTHORITY_CONFIG, childPopulation: 1000 },
      [],
    );
    const unreadable = figurePaths().filter((path) =>
      /percentage$/i.test(path) ? false : figureAt(row, path) === null,
    );
    expect(unreadable).toEqual([]);
    expect(figurePaths()).toContain(DEFAULT_AUTHORITY_CONFIG.targets[0].measure);
  });
});

describe('authority settings: the ONS codes', () => {
  it.each(['E1', 'e10000003', 'X10000003', 'E100000031', ' E10000003', 3])(
    'Given la %p, Then it is refused with the shape of an ONS code',
    (la) => {
      expect(() => authorityConfig({ la })).toThrow(
        new AuthorityConfigError('la', 'must be an ONS code: E, W, S or N then 8 digits, like E10000003'),
      );
    },
  );

  it('Given a well-formed la and districts, Then they are kept; a malformed district is refused by its place', () => {
    expect(authorityConfig({ la: 'W06000015', districts: ['W06000015'] })).toMatchObject({
      la: 'W06000015',
      districts: ['W06000015'],
    });
    expect(() => authorityConfig({ districts: ['E07000008', 'Fenland'] })).toThrow(
      /^districts\[1\]: must be an ONS code/,
    );
  });
});

describe('authority settings: every field AuthorityConfig has is taken', () => {
  it('Given each default field given back as an override, When the settings are read, Then none is refused as unknown', () => {
    for (const [field, value] of Object.entries(DEFAULT_AUTHORITY_CONFIG))
      expect(() => authorityConfig({ [field]: value })).not.toThrow(/is not a field/);
  });
});
