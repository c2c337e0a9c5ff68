import { AuthorityConfigError, authorityConfig } from './authority-config-overrides';
import { DEFAULT_AUTHORITY_CONFIG } from './authority-config';
import { AuthorityMeasures } from './authority-measures';
import { MonthRangeError, monthWindows } from './month-range';
import { measuresRow } from './measures-row';
import { costVersions } from './cost-tables';
import { placementDetailsFromEvents } from './placement-details';
import { childrenToCsv, seriesToCsv } from './series-csv';
import { child, placed } from './testing/authority-journey';
import { resolveCorrections } from '@care-journey/journey';

describe('monthly series', () => {
  it('gives, in one pass, the same rows as measuring each month on its own', () => {
    const config = authorityConfig({
      costTables: [
        {
          from: '2023-01-01',
          costs: [
            { group: 'in_house_fostering', weekly: 460 },
            { group: 'agency_fostering', weekly: 838 },
          ],
        },
        { from: '2024-02-10', costs: [{ group: 'agency_fostering', provider: 'external', weekly: 900 }] },
      ],
    });
    const inputs = [
      child('a')
        .child('2006-05-01', { dateOfBirth: '2006-05-01', homePostcode: 'CB1 2AB' })
        .startsIn('2023-03-05', placed('U6', 'PR4', 'PE1 4LW'))
        .review('2023-03-20')
        .movesTo('2023-07-01', placed('U4', 'PR1', 'CB4 1UW'))
        .review('2023-06-01')
        .plan('2023-05-01', 'long_term_fostering')
        .movesTo('2023-11-11', placed('K2', 'PR4', 'IP7 6RJ'))
        .endCare('2024-05-01', 'E5')
        .input(),
      child('b')
        .child('2015-01-01', { homePostcode: 'PE13 4RP' })
        .startsIn('2023-01-01', placed('U3', 'PR1', 'PE13 4SE'))
        .move('2023-02-01')
        .move('2023-03-01')
        .endCare('2023-08-31', 'E41')
        .startsIn('2023-10-01', placed('P1', 'PR0'))
        .review('2023-10-20')
        .input(),
      child('c')
        .child('2020-01-01')
        .startsIn('2024-02-29', placed('U6', 'PR2', 'CB7 4BZ'))
        .endCare('2024-02-29', 'E4B')
        .input(),
      child('d')
        .child('2012-01-01')
        .startsIn('2023-12-31', placed('A4', 'PR1'))
        .review('2024-01-02')
        .review('2024-04-30')
        .input(),
    ];
    const measures = new AuthorityMeasures(inputs, config);
    const series = measures.monthlySeries('2022-12', '2024-06', '2024-05-15');
    const oneByOne = monthWindows('2022-12', '2024-06').map((w) =>
      measuresRow(measures.children, { ...w, today: '2024-05-15' }, config, costVersions(config)),
    );
    expect(series).toEqual(oneByOne);
    // The fixture reaches every kind of figure, so the comparison is not vacuous.
    const reached = (figure: (row: (typeof series)[number]) => number) =>
      series.some((row) => figure(row) > 0);
    expect([
      reached((r) => r.flows.ceased),
      reached((r) => r.reviewsInTime.due),
      reached((r) => r.planBySecondReview.due),
      reached((r) => r.location.outOfArea),
      reached((r) => r.spend.periodSpend),
      reached((r) => r.threePlusPlacements.numerator),
    ]).toEqual([true, true, true, true, true, true]);
  });

  it('gives whole calendar months from a month or any date in it', () => {
    expect(monthWindows('2024-01-15', '2024-03')).toEqual([
      { month: '2024-01', from: '2024-01-01', to: '2024-01-31' },
      { month: '2024-02', from: '2024-02-01', to: '2024-02-29' },
      { month: '2024-03', from: '2024-03-01', to: '2024-03-31' },
    ]);
    expect(() => monthWindows('2024-03', '2024-01')).toThrow(
      new MonthRangeError('to', 'must not be before from (2024-03)'),
    );
    expect(() => monthWindows('2024-13', '2024-14')).toThrow(/^from: must be a month/);
    expect(() => monthWindows('1900-01', '2024-01')).toThrow(/at most 600 months/);
  });

  it('writes the series as CSV, one row a month, columns named after the JSON paths', () => {
    const c = child('a').child('2010-01-01').startsIn('2024-01-15', placed('U4', 'PR1')).input();
    const csv = seriesToCsv(
      new AuthorityMeasures([c], DEFAULT_AUTHORITY_CONFIG).monthlySeries('2024-01', '2024-02'),
    );
    const [header, january, february] = csv.trim().split('\n');
    const columns = header.split(',');
    expect(columns.slice(0, 5)).toEqual(['month', 'from', 'to', 'lookedAfter.date', 'lookedAfter.count']);
    expect(columns).toContain('placementMix.groups.in_house_fostering.count');
    expect(columns).toContain('target.three-plus-placements.met');
    const cell = (line: string, column: string) => line.split(',')[columns.indexOf(column)];
    expect(cell(january, 'flows.started')).toBe('1');
    expect(cell(february, 'flows.started')).toBe('0');
    // 17 days in January at £460 a week: 17 × 460 / 7 = 1,117.14.
    expect(cell(january, 'spend.periodSpend')).toBe('1117.14');
  });

  it('writes the children behind as CSV, by child id only unless details may be seen', () => {
    const c = child('a').child('2010-01-01').startsIn('2024-01-15', placed('U4', 'PR1')).input();
    const behind = new AuthorityMeasures([c], DEFAULT_AUTHORITY_CONFIG).behind('looked-after', {
      from: '2024-01-01',
      to: '2024-01-31',
    }).children;
    expect(childrenToCsv(behind, false)).toBe('childId,periodStart\na,2024-01-15\n');
    expect(childrenToCsv(behind, true)).toBe(
      'childId,childRef,name,periodStart\na,REF-a,Child a,2024-01-15\n',
    );
  });
});

describe('placement details from the events', () => {
  it('reads an amended placement postcode through', () => {
    const b = child('a')
      .child('2010-01-01', { homePostcode: 'CB1 2AB' })
      .startsIn('2024-01-01', placed('U4', 'PR1', 'PE1 4LW'));
    b.add('EntryAmended', {
      effectiveDate: '2024-01-01',
      correctedEventId: 'a-2',
      reason: 'wrong postcode',
      amendedData: {
        effectiveDate: '2024-01-01',
        legalStatus: 'C2',
        categoryOfNeed: 'N1',
        placement: placed('U4', 'PR1', 'CB4 1UW'),
      },
    });
    const details = placementDetailsFromEvents(resolveCorrections(b.events));
    expect(details).toEqual({
      homePostcode: 'CB1 2AB',
      byEventId: { 'a-2': { placementType: 'U4', provider: 'PR1', postcode: 'CB4 1UW' } },
    });
    const location = new AuthorityMeasures([b.input()], DEFAULT_AUTHORITY_CONFIG).asAt('2024-01-31').location;
    expect(location).toMatchObject({ inArea: 1, moreThanDistance: 0 });
  });
});

describe('authority settings', () => {
  it('lays overrides over the Cambridgeshire defaults', () => {
    const config = authorityConfig({ childPopulation: 150000, targets: [] });
    expect(config).toMatchObject({
      la: 'E10000003',
      childPopulation: 150000,
      distanceMiles: 20,
      targets: [],
    });
    expect(config.costTables).toBe(DEFAULT_AUTHORITY_CONFIG.costTables);
    expect(authorityConfig({ drift: { DR02: { months: 2 } } }).drift.DR02.months).toBe(2);
  });

  it('names the field and the rule of a bad setting', () => {
    expect(() => authorityConfig({ childPopulation: -1 })).toThrow(
      new AuthorityConfigError('childPopulation', 'must be a number > 0'),
    );
    expect(() => authorityConfig({ costTables: [{ from: '2024-02-30', costs: [] }] })).toThrow(
      /^costTables\[0\]\.from: must be a date/,
    );
    expect(() =>
      authorityConfig({ costTables: [{ from: '2024-01-01', costs: [{ group: 'hotel', weekly: 1 }] }] }),
    ).toThrow(/^costTables\[0\]\.costs\[0\]\.group/);
    expect(() =>
      authorityConfig({
        costTables: [
          { from: '2024-01-01', costs: [] },
          { from: '2023-01-01', costs: [] },
        ],
      }),
    ).toThrow(/^costTables: must be in order/);
    expect(() =>
      authorityConfig({ targets: [{ id: 't', label: 'T', measure: 'x', kind: 'max', value: 1 }] }),
    ).toThrow(/^targets\[0\]\.kind/);
    expect(() => authorityConfig('nope')).toThrow(/must be a JSON object/);
  });
});
