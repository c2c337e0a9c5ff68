import { authorityConfig } from '../authority-config-overrides';
import { AuthorityMeasures } from '../authority-measures';
import { child, placed } from '../testing/authority-journey';

/**
 * A period of care that ends on short breaks: s20 (V2) in a U6 placement from 2 Jun 2025, short
 * breaks (V3) from 1 Aug, care ends on 20 Sep (E4A). The 903 has one period: a V2 episode closed
 * X1 on 1 Aug and a V3 episode from 1 Aug to 20 Sep, REC E4A. The period ceases on 20 Sep.
 */
const config = authorityConfig({});
const endsOnShortBreaks = () =>
  child('sb')
    .child('2010-01-01')
    .startsIn('2025-06-02', placed('U6', 'PR4'), 'V2')
    .legalStatus('2025-08-01', 'V3');

describe('a period of care that ends on short breaks, in the monthly measures', () => {
  it('Given care ends on 20 Sep after short breaks from 1 Aug, When August and September are measured, Then the cease is in September, on the day care ended, for its reason (as the 903 shows it)', () => {
    const measures = new AuthorityMeasures(
      [endsOnShortBreaks().endCare('2025-09-20', 'E4A').input()],
      config,
    );
    const [august, september] = measures.monthlySeries('2025-08', '2025-09');
    expect(august.flows).toMatchObject({ started: 0, ceased: 0 });
    expect(september.flows).toMatchObject({ started: 0, ceased: 1 });
    expect(september.flows.ceasedByRoute.return_home_planned).toBe(1);
    expect(measures.behind('ceased', { from: '2025-08-01', to: '2025-08-31' }).children).toEqual([]);
    expect(measures.behind('ceased', { from: '2025-09-01', to: '2025-09-30' }).children).toEqual([
      expect.objectContaining({
        childId: 'sb',
        detail: { date: '2025-09-20', reason: 'E4A', route: 'return_home_planned', eventId: 'sb-4' },
      }),
    ]);
    expect(measures.asAt('2025-09-30').flows).toMatchObject({ ceased: 1 });
  });

  it('Given the same period, When the stocks are taken, Then the child is still not looked after while on short breaks', () => {
    const measures = new AuthorityMeasures(
      [endsOnShortBreaks().endCare('2025-09-20', 'E4A').input()],
      config,
    );
    expect(measures.asAt('2025-07-31').lookedAfter.count).toBe(1);
    expect(measures.asAt('2025-08-01').lookedAfter.count).toBe(0);
    expect(measures.asAt('2025-09-10').lookedAfter.count).toBe(0);
  });

  it('Given short breaks from 1 Aug and care not yet ended, When the months to December are measured, Then nobody has ceased (the period is still open in the 903)', () => {
    const measures = new AuthorityMeasures([endsOnShortBreaks().input()], config);
    const months = measures.monthlySeries('2025-06', '2025-12');
    expect(months.map((month) => month.flows.ceased)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(measures.behind('ceased', { from: '2025-06-01', to: '2025-12-31' }).children).toEqual([]);
  });

  it('Given a young person turning 18 on short breaks and care ending then with no route code, Then the cease is 18+, by age on the day care ended', () => {
    const turning18 = child('y')
      .child('2020-01-01', { dateOfBirth: '2007-09-15' })
      .startsIn('2025-06-02', placed('U6', 'PR4'), 'V2')
      .legalStatus('2025-08-01', 'V3')
      .endCare('2025-09-15', 'E8');
    const [september] = new AuthorityMeasures([turning18.input()], config).monthlySeries(
      '2025-09',
      '2025-09',
    );
    expect(september.flows.ceasedByRoute).toMatchObject({ aged_18_plus: 1, other: 0 });
  });
});
