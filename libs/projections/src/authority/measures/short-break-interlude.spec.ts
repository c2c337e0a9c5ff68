import { stability } from '../../measures/stability';
import { authorityConfig } from '../authority-config-overrides';
import { AuthorityMeasures } from '../authority-measures';
import { child, placed } from '../testing/authority-journey';

/**
 * Short breaks inside a period of care (RV8SB2): s20 (V2) in a U6 placement from 2 Jun 2025, short
 * breaks (V3) from 1 Aug, s20 again from 10 Aug with the same carer, a new carer on 1 Oct. The 903
 * has one period (S, L, L joined by X1); the carer is one placement.
 */
const config = authorityConfig({
  costTables: [{ from: '2020-01-01', costs: [{ group: 'agency_fostering', weekly: 700 }] }],
});
const interlude = () =>
  child('sb')
    .child('2010-01-01')
    .startsIn('2025-06-02', placed('U6', 'PR4'), 'V2')
    .legalStatus('2025-08-01', 'V3')
    .legalStatus('2025-08-10', 'V2')
    .movesTo('2025-10-01', placed('U6', 'PR4'));

describe('short breaks inside a period of care, in the monthly measures', () => {
  it('Given the interlude, When the 3+ placements measure is taken on 31 March 2026, Then the carer kept across it is one placement, as ST1 counts', () => {
    const measures = new AuthorityMeasures([interlude().input()], config);
    const behind = measures.behind('three-plus-placements', { from: '2026-03-31', to: '2026-03-31' });
    expect(behind.children).toEqual([
      expect.objectContaining({
        detail: { placements: 2, counted: false, evidence: 'sb-2 sb-5' },
      }),
    ]);
    expect(stability([interlude().summary()], '2026-03-31')[0].children[0]).toMatchObject({
      placements: 2,
      evidence: ['sb-2', 'sb-5'],
    });
  });

  it('Given the interlude, When August 2025 is measured, Then nobody ceased or started (one period), and the child is not looked after during the short breaks', () => {
    const measures = new AuthorityMeasures([interlude().input()], config);
    const [june, august] = measures.monthlySeries('2025-06', '2025-08').filter((_, i) => i !== 1);
    expect(june.flows).toMatchObject({ started: 1, ceased: 0 });
    expect(august.flows).toMatchObject({ started: 0, ceased: 0 });
    const window = { from: '2025-08-01', to: '2025-08-31' };
    expect(measures.behind('ceased', window).children).toEqual([]);
    expect(measures.behind('started', window).children).toEqual([]);
    expect(measures.asAt('2025-08-05').lookedAfter.count).toBe(0);
    expect(measures.asAt('2025-08-10').lookedAfter.count).toBe(1);
    expect(measures.asAt('2025-08-31').flows).toMatchObject({ started: 0, ceased: 0 });
  });

  it('Given the interlude, When August 2025 is costed, Then the carer is paid once, for the 22 days in care (not the 9 on short breaks)', () => {
    const [august] = new AuthorityMeasures([interlude().input()], config).monthlySeries('2025-08', '2025-08');
    // 1–9 August on short breaks; 10–31 August in care: 22 × 700 / 7 = 2,200.
    expect(august.spend.periodSpend).toBe(2200);
    const spend = new AuthorityMeasures([interlude().input()], config).behind('spend', {
      from: '2025-08-01',
      to: '2025-08-31',
    });
    expect(spend.figure).toMatchObject({ periodSpend: 2200 });
  });

  it('Given a period that ends after short breaks and a new period later, Then the end and the new start still count', () => {
    const twoPeriods = child('p')
      .child('2010-01-01')
      .startsIn('2025-06-02', placed('U6', 'PR4'), 'V2')
      .endCare('2025-08-01', 'E4A')
      .startsIn('2025-08-10', placed('U6', 'PR4'), 'V2');
    const [august] = new AuthorityMeasures([twoPeriods.input()], config).monthlySeries('2025-08', '2025-08');
    expect(august.flows).toMatchObject({ started: 1, ceased: 1 });
  });
});
