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

  it('Given a flag open since 2025 kept open by later moves, When read as at 27 November 2026, Then its evidence is the placements in the 12 months up to that date', () => {
    // Placements begin 28 Feb 2024 (c-2), 25 May 2025 (c-3), 6 Jul 2025 (c-4), 18 Feb 2026 (c-5), 25 May 2026 (c-6).
    const s = journey('c')
      .registered('2015-01-01')
      .startCare('2024-02-28')
      .move('2025-05-25')
      .move('2025-07-06')
      .move('2026-02-18')
      .move('2026-05-25')
      .summary();
    expect(flagsOf(s, '2025-07-07', 'DR05')).toEqual([
      expect.objectContaining({ dueDate: '2025-07-06', evidence: ['c-2', 'c-3', 'c-4'] }),
    ]);
    // One spell since 6 July 2025; the 6 July 2025 placement ran until 18 February 2026, inside the window.
    expect(flagsOf(s, '2026-11-27', 'DR05')).toEqual([
      expect.objectContaining({ dueDate: '2025-07-06', evidence: ['c-4', 'c-5', 'c-6'] }),
    ]);
    expect(historyOf(s, '2026-11-27', 'DR05')).toEqual([
      expect.objectContaining({ openedOn: '2025-07-07', evidence: ['c-4', 'c-5', 'c-6'] }),
    ]);
  });

  it('Given a flag that closed, Then its history shows the placements in the 12 months up to its last open day', () => {
    // Open from 1 Mar 2024; the move of 1 Jun 2024 keeps it open after the first placement leaves the window.
    const s = journey('c')
      .registered('2015-01-01')
      .startCare('2023-06-01')
      .move('2024-01-01')
      .move('2024-03-01')
      .move('2024-06-01')
      .summary();
    // The first placement (c-2, ended 1 Jan 2024) leaves the window on 1 Jan 2025; the second (c-3) on 1 Mar 2025.
    expect(historyOf(s, '2025-06-01', 'DR05')).toEqual([
      expect.objectContaining({
        openedOn: '2024-03-02',
        closedOn: '2025-03-01',
        evidence: ['c-3', 'c-4', 'c-5'],
      }),
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
