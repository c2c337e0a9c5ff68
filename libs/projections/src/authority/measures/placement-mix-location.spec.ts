import { authorityConfig } from '../authority-config-overrides';
import { AuthorityMeasures } from '../authority-measures';
import { placementGroupOf } from '../placement-groups';
import { child, placed } from '../testing/authority-journey';

const config = authorityConfig({});
const HOME = 'CB1 2AB'; // Cambridge

describe('placement mix', () => {
  it('puts each placement type and provider in its group: PR1 is in-house, PR2–PR5 and none are external', () => {
    expect(placementGroupOf('U4', 'PR1')).toBe('in_house_fostering');
    expect(placementGroupOf('U6', 'PR2')).toBe('agency_fostering');
    expect(placementGroupOf('U5', 'PR4')).toBe('agency_fostering');
    expect(placementGroupOf('U6', undefined)).toBe('agency_fostering');
    expect(placementGroupOf('U3', 'PR1')).toBe('kinship_fostering');
    expect(placementGroupOf('K2', 'PR1')).toBe('in_house_childrens_home');
    expect(placementGroupOf('K1', 'PR3')).toBe('external_childrens_home');
    expect(placementGroupOf('S1', 'PR5')).toBe('residential_school');
    expect(placementGroupOf('K3', 'PR4')).toBe('semi_independent');
    expect(placementGroupOf('H5', 'PR4')).toBe('semi_independent');
    expect(placementGroupOf('P1', 'PR0')).toBe('placed_with_parents');
    expect(placementGroupOf('A6', 'PR1')).toBe('placed_for_adoption');
    expect(placementGroupOf('R2', 'PR3')).toBe('other');
    expect(placementGroupOf('Z1', undefined)).toBe('other');
  });

  it('Given four children on a day, Then counts and shares by group are of those four', () => {
    const inputs = [
      child('a').child('2010-01-01').startsIn('2024-01-01', placed('U4', 'PR1')).input(),
      child('b').child('2010-01-01').startsIn('2024-01-01', placed('U6', 'PR4')).input(),
      child('c').child('2010-01-01').startsIn('2024-01-01', placed('U6', 'PR5')).input(),
      child('d').child('2010-01-01').startsIn('2024-01-01', placed('K2', 'PR4')).input(),
    ];
    const mix = new AuthorityMeasures(inputs, config).asAt('2024-02-01').placementMix;
    expect(mix.total).toBe(4);
    expect(mix.groups.in_house_fostering).toEqual({ count: 1, percentage: 25 });
    expect(mix.groups.agency_fostering).toEqual({ count: 2, percentage: 50 });
    expect(mix.groups.external_childrens_home).toEqual({ count: 1, percentage: 25 });
    expect(mix.groups.kinship_fostering).toEqual({ count: 0, percentage: 0 });
  });

  it('follows a same-carer change of type (U6 to U4) into the new group', () => {
    const c = child('a')
      .child('2010-01-01')
      .startsIn('2024-01-01', placed('U6', 'PR4'))
      .movesTo('2024-03-01', placed('U4', 'PR1'), true);
    const measures = new AuthorityMeasures([c.input()], config);
    expect(measures.asAt('2024-02-29').placementMix.groups.agency_fostering.count).toBe(1);
    expect(measures.asAt('2024-03-01').placementMix.groups.in_house_fostering.count).toBe(1);
  });
});

describe('placement location', () => {
  // Home CB1 2 (Cambridge). Peterborough PE1 4 is outside Cambridgeshire, 31.3 miles away;
  // CB4 1 is in Cambridge, 1.1 miles; Wisbech PE13 4 is inside the county but 31.0 miles away.
  const movingOutAndBack = () =>
    child('m')
      .child('2010-01-01', { homePostcode: HOME })
      .startsIn('2024-01-10', placed('U4', 'PR1', 'CB4 1UW'))
      .movesTo('2024-02-15', placed('U6', 'PR4', 'PE1 4LW'))
      .movesTo('2024-04-20', placed('U4', 'PR1', 'CB4 1UW'));

  it('Given a child who moves out of area and back, Then each month-end sees where the child was', () => {
    const series = new AuthorityMeasures([movingOutAndBack().input()], config).monthlySeries(
      '2024-01',
      '2024-04',
    );
    expect(
      series.map((row) => [
        row.month,
        row.location.inArea,
        row.location.outOfArea,
        row.location.moreThanDistance,
      ]),
    ).toEqual([
      ['2024-01', 1, 0, 0],
      ['2024-02', 0, 1, 1],
      ['2024-03', 0, 1, 1],
      ['2024-04', 1, 0, 0],
    ]);
    expect(series[1].location).toMatchObject({
      outOfAreaAndMoreThanDistance: 1,
      outOfAreaPercentage: 100,
      distanceUnknown: 0,
    });
  });

  it('shows the children behind with their distance', () => {
    const measures = new AuthorityMeasures([movingOutAndBack().input()], config);
    const behind = measures.behind('location', { from: '2024-03-01', to: '2024-03-31' });
    expect(behind.children).toEqual([
      {
        childId: 'm',
        childRef: 'REF-m',
        name: 'Child m',
        detail: {
          inArea: false,
          distanceMiles: 31.3,
          moreThanDistance: true,
          placementType: 'U6',
          since: '2024-02-15',
        },
      },
    ]);
  });

  it('counts in-area but distant placements as distant, not out of area', () => {
    const wisbech = child('w')
      .child('2010-01-01', { homePostcode: HOME })
      .startsIn('2024-01-01', placed('U4', 'PR1', 'PE13 4RP'));
    const location = new AuthorityMeasures([wisbech.input()], config).asAt('2024-01-31').location;
    expect(location).toMatchObject({
      inArea: 1,
      outOfArea: 0,
      moreThanDistance: 1,
      outOfAreaAndMoreThanDistance: 0,
    });
  });

  it('uses the recorded in-area flag when the postcode is unknown, and counts the distance as unknown', () => {
    const noPostcode = child('n')
      .child('2010-01-01', { homePostcode: HOME })
      .startsIn('2024-01-01', { placementType: 'U4', provider: 'PR1', inArea: false });
    const bare = child('x').child('2010-01-01').startsIn('2024-01-01', placed('U4', 'PR1'));
    const location = new AuthorityMeasures([noPostcode.input(), bare.input()], config).asAt(
      '2024-01-31',
    ).location;
    expect(location).toMatchObject({
      total: 2,
      inArea: 0,
      outOfArea: 1,
      areaUnknown: 1,
      distanceUnknown: 2,
      moreThanDistance: 0,
    });
  });

  it('takes the boundary from the configuration', () => {
    const peterboroughToo = authorityConfig({ districts: [...config.districts, 'E06000031'] });
    const [, february] = new AuthorityMeasures([movingOutAndBack().input()], peterboroughToo).monthlySeries(
      '2024-01',
      '2024-02',
    );
    expect(february.location).toMatchObject({ inArea: 1, outOfArea: 0, moreThanDistance: 1 });
  });
});
