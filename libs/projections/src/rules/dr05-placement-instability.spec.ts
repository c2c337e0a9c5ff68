import { journey } from '../testing/journey-builder';
import { flagsOf, historyOf } from '../testing/drift-expectations';

describe('DR05 placement instability', () => {
  const threePlacements = () =>
    journey('c').registered('2015-01-01').startCare('2024-01-01').move('2024-05-01').move('2024-09-01');

  it('Given a third placement starting on 1 September 2024, Then the flag is due that day and open after it', () => {
    const s = threePlacements().summary();
    expect(flagsOf(s, '2024-09-01', 'DR05')).toEqual([]);
    expect(flagsOf(s, '2024-09-02', 'DR05')).toEqual([
      expect.objectContaining({
        dueDate: '2024-09-01',
        daysOverdue: 1,
        evidence: ['c-2', 'c-3', 'c-4'],
        threshold: { placements: 3, months: 12 },
      }),
    ]);
  });

  it('Given the 12-month window slides past the first placement, Then the flag closes and stays in history', () => {
    const s = threePlacements().summary();
    expect(flagsOf(s, '2025-04-30', 'DR05')).toHaveLength(1);
    expect(flagsOf(s, '2025-05-01', 'DR05')).toEqual([]);
    expect(historyOf(s, '2025-06-01', 'DR05')).toEqual([
      expect.objectContaining({ openedOn: '2024-09-02', closedOn: '2025-05-01', closedBy: 'step' }),
    ]);
  });

  it('Given temporary placements and same-carer changes, Then they are not moves', () => {
    const s = journey('c')
      .registered('2015-01-01')
      .startCare('2024-01-01')
      .temporary('2024-02-01')
      .backFromTemporary('2024-02-05')
      .move('2024-03-01', 'U5', true)
      .temporary('2024-04-01', 'T2')
      .backFromTemporary('2024-04-03')
      .summary();
    expect(flagsOf(s, '2024-06-01', 'DR05')).toEqual([]);
  });

  it('Given short-break periods (V3/V4), Then they are left out', () => {
    const s = journey('c')
      .registered('2015-01-01')
      .startCare('2024-01-01', 'V3')
      .move('2024-02-01')
      .move('2024-03-01')
      .summary();
    expect(flagsOf(s, '2024-06-01', 'DR05')).toEqual([]);
  });

  it('Given the child leaves care, Then the flag no longer applies', () => {
    const s = threePlacements().endCare('2024-10-01').summary();
    expect(flagsOf(s, '2024-10-02', 'DR05')).toEqual([]);
    expect(historyOf(s, '2024-10-02', 'DR05')[0]).toMatchObject({
      closedOn: '2024-10-01',
      closedBy: 'no_longer_applies',
    });
  });
});
