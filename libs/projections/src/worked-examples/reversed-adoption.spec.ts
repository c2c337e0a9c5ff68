/**
 * Worked example: an adoption decision reversed. The adoption obligations (DR06 match, DR07
 * move-in) no longer apply from the reversal; a breach before it stays in the history.
 */
import { journey } from '../testing/journey-builder';
import { flagsOf, historyOf } from '../testing/drift-expectations';

describe('worked examples: a reversed adoption decision', () => {
  // R: in care 1 Jan 2024; decision 1 Apr 2024; placement order 3 Jun 2024, no match.
  // DR06 due = order + 121 days: 3 Jul (30) 3 Aug (61) 3 Sep (92) 3 Oct (122), so 2 Oct 2024.
  // DR07 due = entry + 426 days: 1 Jan 2025 is +366 (2024 is a leap year), 2 Mar 2025 is +426.
  const ordered = () =>
    journey('R')
      .registered('2023-01-01')
      .startCare('2024-01-01', 'C2', 'U3')
      .adoptionDecision('2024-04-01')
      .placementOrder('2024-06-03');

  it('before any reversal: DR06 open from 3 Oct 2024; DR07 due 2 Mar 2025', () => {
    const s = ordered().summary();
    expect(flagsOf(s, '2024-10-03', 'DR06')[0]).toMatchObject({ dueDate: '2024-10-02', daysOverdue: 1 });
    expect(flagsOf(s, '2025-03-03', 'DR07')[0]).toMatchObject({ dueDate: '2025-03-02', daysOverdue: 1 });
  });

  it('reversed on 1 Nov 2024: DR06 closes as no longer applying (after 30 days overdue), DR07 never opens', () => {
    const s = ordered()
      .add('AdoptionDecisionReversed', { effectiveDate: '2024-11-01', reason: 'RD3' })
      .summary();
    expect(flagsOf(s, '2024-10-31', 'DR06')[0]).toMatchObject({ daysOverdue: 29 });
    expect(flagsOf(s, '2024-11-02', 'DR06')).toEqual([]);
    // 2 Oct → 1 Nov 2024 = 30 days overdue when it closed.
    expect(historyOf(s, '2025-04-01', 'DR06')).toEqual([
      expect.objectContaining({
        openedOn: '2024-10-03',
        closedOn: '2024-11-01',
        closedBy: 'no_longer_applies',
        daysOverdue: 30,
      }),
    ]);
    expect(flagsOf(s, '2025-03-03', 'DR07')).toEqual([]);
    expect(historyOf(s, '2025-04-01', 'DR07')).toEqual([]);
  });
});
