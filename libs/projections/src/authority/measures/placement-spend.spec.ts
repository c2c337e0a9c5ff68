import { authorityConfig } from '../authority-config-overrides';
import { AuthorityMeasures } from '../authority-measures';
import { WhatIfError } from './mix-what-if';
import { child, placed } from '../testing/authority-journey';

// The seeds' figures until 16 March 2024, then a new agency fostering price.
const config = authorityConfig({
  costTables: [
    {
      from: '2020-01-01',
      costs: [
        { group: 'in_house_fostering', weekly: 460 },
        { group: 'agency_fostering', weekly: 838 },
        { group: 'in_house_childrens_home', weekly: 2278 },
        { group: 'external_childrens_home', weekly: 3290 },
      ],
    },
    {
      from: '2024-03-16',
      costs: [
        { group: 'in_house_fostering', weekly: 460 },
        { group: 'agency_fostering', weekly: 910 },
      ],
    },
  ],
});

const agency = (id: string, from = '2024-01-01') =>
  child(id).child('2010-01-01').startsIn(from, placed('U6', 'PR4')).input();

describe('placement spend', () => {
  it('Given the cost table changes on 16 March, Then March is charged 15 days at the old rate and 16 at the new', () => {
    const [march] = new AuthorityMeasures([agency('a')], config).monthlySeries('2024-03', '2024-03');
    // 15 × 838/7 + 16 × 910/7 = (12,570 + 14,560) / 7 = 3,875.714… → £3,875.71
    expect(march.spend.periodSpend).toBe(3875.71);
    expect(march.spend.committedWeekly).toBe(910);
    expect(march.spend.committedAnnual).toBe(910 * 52);
  });

  it('charges a placement from its start day, not its end day, and the next placement from that day', () => {
    const mover = child('m')
      .child('2010-01-01')
      .startsIn('2024-02-10', placed('U6', 'PR4'))
      .movesTo('2024-02-20', placed('U4', 'PR1'));
    const [february] = new AuthorityMeasures([mover.input()], config).monthlySeries('2024-02', '2024-02');
    // Agency 10–19 Feb (10 days × 838/7) and in-house 20–29 Feb (10 days × 460/7): 12,980/7 = 1,854.29.
    expect(february.spend.periodSpend).toBe(1854.29);
    expect(february.spend.committedWeeklyByGroup).toMatchObject({
      in_house_fostering: 460,
      agency_fostering: 0,
    });
  });

  it('counts placements with no unit cost apart, and charges nothing for them', () => {
    const withParents = child('p').child('2010-01-01').startsIn('2024-01-01', placed('P1', 'PR0'));
    const [january] = new AuthorityMeasures([withParents.input()], config).monthlySeries(
      '2024-01',
      '2024-01',
    );
    expect(january.spend).toMatchObject({ committedWeekly: 0, uncosted: 1, periodSpend: 0 });
  });

  it('prices a change of mix: 2 agency placements moved in-house save 2 × (910 − 460) a week', () => {
    const measures = new AuthorityMeasures([agency('a'), agency('b'), agency('c')], config);
    const result = measures.whatIf('2024-04-01', [
      { from: 'agency_fostering', to: 'in_house_fostering', count: 2 },
    ]);
    expect(result).toMatchObject({ weeklySaving: 900, annualSaving: 46_800 });
    expect(result.moves[0]).toMatchObject({ available: 3, fromWeekly: 910, toWeekly: 460 });
    // Before the change of table: 2 × (838 − 460) = 756.
    expect(
      measures.whatIf('2024-03-15', [{ from: 'agency_fostering', to: 'in_house_fostering', count: 2 }])
        .weeklySaving,
    ).toBe(756);
  });

  it('refuses to move more placements than the group holds, or into a group with no unit cost', () => {
    const measures = new AuthorityMeasures([agency('a')], config);
    expect(() =>
      measures.whatIf('2024-04-01', [{ from: 'agency_fostering', to: 'in_house_fostering', count: 2 }]),
    ).toThrow(new WhatIfError('moves[0].count', 'only 1 agency_fostering placement(s) on 2024-04-01'));
    expect(() =>
      measures.whatIf('2024-04-01', [{ from: 'agency_fostering', to: 'residential_school', count: 1 }]),
    ).toThrow(/moves\[0\]\.to: no unit cost for residential_school/);
  });

  it('lists the children behind the spend with their weekly cost and spend in the window', () => {
    const behind = new AuthorityMeasures([agency('a', '2024-03-20')], config).behind('spend', {
      from: '2024-03-01',
      to: '2024-03-31',
    });
    // 20–31 March: 12 days × 910/7 = 1,560.
    expect(behind.children).toEqual([
      {
        childId: 'a',
        childRef: 'REF-a',
        name: 'Child a',
        detail: { group: 'agency_fostering', weeklyCost: 910, periodSpend: 1560 },
      },
    ]);
  });
});
