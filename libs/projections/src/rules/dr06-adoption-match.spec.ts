import { journey } from '../testing/journey-builder';
import { flagsOf, historyOf } from '../testing/drift-expectations';

describe('DR06 adoption match delay', () => {
  // 10 January 2025 + 121 days = 11 May 2025.
  const ordered = () =>
    journey('c').registered('2023-01-01').startCare('2024-03-01').placementOrder('2025-01-10');

  it('Given a placement order on 10 January 2025 and no match, Then the flag is due 11 May', () => {
    const s = ordered().summary();
    expect(flagsOf(s, '2025-05-11', 'DR06')).toEqual([]);
    expect(flagsOf(s, '2025-05-20', 'DR06')).toEqual([
      expect.objectContaining({
        dueDate: '2025-05-11',
        daysOverdue: 9,
        evidence: ['c-3'],
        threshold: { days: 121 },
      }),
    ]);
  });

  it('Given a match on the due date, Then it is in time', () => {
    const s = ordered().match('2025-05-11').summary();
    expect(flagsOf(s, '2025-06-01', 'DR06')).toEqual([]);
    expect(historyOf(s, '2025-06-01', 'DR06')).toEqual([]);
  });

  it('Given a match before the order, Then there is never a flag', () => {
    const s = journey('c')
      .registered('2023-01-01')
      .startCare('2024-03-01')
      .match('2024-12-01')
      .placementOrder('2025-01-10')
      .summary();
    expect(flagsOf(s, '2025-06-01', 'DR06')).toEqual([]);
  });

  it('Given a late match, Then the flag closes and history keeps the breach', () => {
    const s = ordered().match('2025-05-31').summary();
    expect(historyOf(s, '2025-06-30', 'DR06')).toEqual([
      expect.objectContaining({
        openedOn: '2025-05-12',
        closedOn: '2025-05-31',
        daysOverdue: 20,
        closingEventId: 'c-4',
      }),
    ]);
  });

  it('Given the adoption decision is reversed, Then the flag no longer applies', () => {
    const s = ordered()
      .add('AdoptionDecisionReversed', { effectiveDate: '2025-06-01', reason: 'RD3' })
      .summary();
    expect(flagsOf(s, '2025-06-02', 'DR06')).toEqual([]);
  });

  it('Given a period that started on short breaks (V3), When a placement order is granted, Then it ends the short breaks and the match is due 121 days after it', () => {
    const s = journey('c')
      .registered('2023-01-01')
      .startCare('2024-03-01', 'V3')
      .placementOrder('2025-01-10')
      .summary();
    expect(flagsOf(s, '2025-06-01', 'DR06')).toEqual([
      expect.objectContaining({ dueDate: '2025-05-11', daysOverdue: 21 }),
    ]);
  });
});
