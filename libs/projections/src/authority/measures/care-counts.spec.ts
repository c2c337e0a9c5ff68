import { authorityConfig } from '../authority-config-overrides';
import { AuthorityMeasures } from '../authority-measures';
import { child, placed } from '../testing/authority-journey';

const config = authorityConfig({ childPopulation: 20_000 });
const foster = placed('U4', 'PR1', 'CB4 1UW');

describe('children looked after, starting and ceasing', () => {
  it('Given a cease and a start on the same day of March, Then both count, and the day itself is not in care for the leaver', () => {
    const leaver = child('a').child('2010-01-01').startsIn('2023-06-01', foster).endCare('2024-03-15', 'E4A');
    const joiner = child('b').child('2010-01-01').startsIn('2024-03-15', foster);
    const stayer = child('c').child('2010-01-01').startsIn('2022-01-01', foster);
    const measures = new AuthorityMeasures([leaver.input(), joiner.input(), stayer.input()], config);

    const [march] = measures.monthlySeries('2024-03', '2024-03');
    expect(march.flows.started).toBe(1);
    expect(march.flows.ceased).toBe(1);
    expect(march.flows.ceasedByRoute.return_home_planned).toBe(1);
    // On 31 March: b and c (a left on the 15th). 2 ÷ 20,000 × 10,000 = 1.0.
    expect(march.lookedAfter).toEqual({ date: '2024-03-31', count: 2, ratePer10000: 1 });
    expect(measures.asAt('2024-03-14').lookedAfter.count).toBe(2); // a and c
    expect(measures.asAt('2024-03-15').lookedAfter.count).toBe(2); // b and c
  });

  it('Given a child whose care starts and ends on one day, Then the month has a start and a cease and nobody in care', () => {
    const oneDay = child('d').child('2010-01-01').startsIn('2024-05-10', foster).endCare('2024-05-10', 'E13');
    const [may] = new AuthorityMeasures([oneDay.input()], config).monthlySeries('2024-05', '2024-05');
    expect(may.flows).toMatchObject({ started: 1, ceased: 1 });
    expect(may.flows.ceasedByRoute.other).toBe(1);
    expect(may.lookedAfter.count).toBe(0);
  });

  it('groups ceasing by route: codes first, then 18+ by age on the day care ended', () => {
    const ending = (id: string, reason: string, dateOfBirth = '2012-01-01') =>
      child(id)
        .child('2020-01-01', { dateOfBirth })
        .startsIn('2023-01-01', foster)
        .endCare('2024-04-10', reason)
        .input();
    const inputs = [
      ending('e1', 'E11'),
      ending('e2', 'E12'),
      ending('e3', 'E45'),
      ending('e4', 'E48'),
      ending('e5', 'E41'),
      ending('e6', 'E4A'),
      ending('e7', 'E4B'),
      ending('e8', 'E17', '2006-01-01'),
      ending('e9', 'E5', '2006-04-10'), // 18 that day
      ending('e10', 'E8', '2006-04-11'), // 17 that day
      ending('e11', 'E4A', '2006-01-01'), // a planned return home stays one, whatever the age
    ];
    const [april] = new AuthorityMeasures(inputs, config).monthlySeries('2024-04', '2024-04');
    expect(april.flows.ceasedByRoute).toEqual({
      adoption: 2,
      special_guardianship: 2,
      child_arrangements_order: 1,
      return_home_planned: 2,
      return_home_unplanned: 1,
      aged_18_plus: 2,
      other: 1,
    });
    expect(april.flows.ceased).toBe(11);
  });

  it('leaves short-break periods (V3/V4) out of every count', () => {
    const breaks = child('s')
      .child('2010-01-01')
      .startsIn('2024-03-01', placed('U6', 'PR1'), 'V3')
      .endCare('2024-03-03', 'E13');
    const [march] = new AuthorityMeasures([breaks.input()], config).monthlySeries('2024-03', '2024-03');
    expect(march.flows).toMatchObject({ started: 0, ceased: 0 });
  });

  it('gives no rate without a configured child population', () => {
    const c = child('c').child('2010-01-01').startsIn('2022-01-01', foster);
    const noPopulation = authorityConfig({ childPopulation: null });
    expect(new AuthorityMeasures([c.input()], noPopulation).asAt('2024-01-01').lookedAfter).toEqual({
      date: '2024-01-01',
      count: 1,
      ratePer10000: null,
    });
  });
});
