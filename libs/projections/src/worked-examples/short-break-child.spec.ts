/**
 * Worked example: a child in short breaks (V3) is left out of every drift rule and stability
 * measure; when the same child later starts a full period of care, the clocks start from it.
 */
import { DEFAULT_DRIFT_CONFIG } from '../rules/drift-config';
import { driftReport } from '../rules/drift-report';
import { evaluateDrift } from '../rules/evaluate-drift';
import { stability, stabilityAsAt } from '../measures/stability';
import { journey } from '../testing/journey-builder';
import { flagsOf } from '../testing/drift-expectations';

describe('worked examples: a short-break child', () => {
  // B: short breaks from 3 Jun 2024 with three carers in three months, never reviewed.
  const breaks = () =>
    journey('B')
      .registered('2014-01-01', { dateOfBirth: '2014-01-01' })
      .startCare('2024-06-03', 'V3')
      .move('2024-07-01')
      .move('2024-08-01');

  it('no flag or warning, no row in the drift report, in no stability measure', () => {
    const s = breaks().summary();
    expect(evaluateDrift(s, '2025-03-31', DEFAULT_DRIFT_CONFIG)).toMatchObject({ flags: [], dueSoon: [] });
    expect(driftReport([s], '2025-03-31', DEFAULT_DRIFT_CONFIG).children).toEqual([]);
    expect(stability([s], '2025-03-31').map((m) => m.denominator)).toEqual([0, 0, 0]);
    expect(stabilityAsAt([s], '2024-12-31').map((m) => m.denominator)).toEqual([0, 0, 0]);
  });

  // Short breaks end 28 Feb 2025; full care (C2) from Mon 3 Mar 2025 (event B-6). DR01: 4–7 (4)
  // 10–14 (9) 17–21 (14) 24–28 (19) 31 Mar (20): due 31 Mar 2025, from the new period only.
  it('a later full period of care starts its own first-review clock', () => {
    const s = breaks().endCare('2025-02-28').startCare('2025-03-03').summary();
    expect(flagsOf(s, '2025-03-31', 'DR01')).toEqual([]);
    expect(flagsOf(s, '2025-04-01', 'DR01')[0]).toMatchObject({
      dueDate: '2025-03-31',
      daysOverdue: 1,
      evidence: ['B-6'],
    });
    // The short-break carers are not placements of the new period: 1 placement in ST1 to 30 Apr 2025.
    expect(stabilityAsAt([s], '2025-04-30')[0].children[0]).toMatchObject({ placements: 1, counted: false });
  });
});
