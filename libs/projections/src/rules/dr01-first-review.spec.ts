import { journey } from '../testing/journey-builder';
import { dueSoonOf, flagsOf, historyOf } from '../testing/drift-expectations';
import { driftConfig } from './drift-config';

describe('DR01 first review overdue', () => {
  // Mon 2 June 2025 + 20 working days (no bank holiday in June) = Mon 30 June.
  const started = () => journey('c').registered('2015-01-01').startCare('2025-06-02');

  it('Given care started on 2 June 2025, When no review is held, Then it falls due on 30 June', () => {
    const s = started().summary();
    expect(flagsOf(s, '2025-06-30', 'DR01')).toEqual([]);
    expect(dueSoonOf(s, '2025-06-30', 'DR01')[0]).toMatchObject({ dueDate: '2025-06-30', daysUntilDue: 0 });
    expect(flagsOf(s, '2025-07-10', 'DR01')).toEqual([
      expect.objectContaining({
        childId: 'c',
        dueDate: '2025-06-30',
        openedOn: '2025-07-01',
        daysOverdue: 10,
        evidence: ['c-2'],
        threshold: { workingDays: 20 },
      }),
    ]);
  });

  it('Given the due date crosses Easter and early May, Then those bank holidays are not working days', () => {
    const s = journey('c').registered('2015-01-01').startCare('2025-04-17').summary();
    expect(flagsOf(s, '2025-05-21', 'DR01')[0]).toMatchObject({ dueDate: '2025-05-20', daysOverdue: 1 });
  });

  it("Given a council's extra bank holiday on Monday 16 June 2025 (extraBankHolidays), When care started on 2 June, Then the first review falls due a working day later, 1 July; a day outside the interval changes nothing", () => {
    const s = started().summary();
    const council = driftConfig({ extraBankHolidays: ['2025-06-16'] });
    expect(flagsOf(s, '2025-07-02', 'DR01', council)[0]).toMatchObject({
      dueDate: '2025-07-01',
      daysOverdue: 1,
    });
    expect(flagsOf(s, '2025-07-01', 'DR01', council)).toEqual([]);
    const later = driftConfig({ extraBankHolidays: ['2025-07-16'] });
    expect(flagsOf(s, '2025-07-02', 'DR01', later)[0]).toMatchObject({ dueDate: '2025-06-30' });
  });

  it('Given a review on the due date, Then it is in time and leaves no history', () => {
    const s = started().review('2025-06-30').summary();
    expect(flagsOf(s, '2025-07-10', 'DR01')).toEqual([]);
    expect(historyOf(s, '2025-07-10', 'DR01')).toEqual([]);
  });

  it('Given a review held late, Then the flag was open until it and the history keeps the breach', () => {
    const s = started().review('2025-07-05').summary();
    expect(flagsOf(s, '2025-07-03', 'DR01')[0]).toMatchObject({ daysOverdue: 3 });
    expect(flagsOf(s, '2025-07-10', 'DR01')).toEqual([]);
    expect(historyOf(s, '2025-07-10', 'DR01')).toEqual([
      expect.objectContaining({
        openedOn: '2025-07-01',
        closedOn: '2025-07-05',
        closedBy: 'step',
        closingEventId: 'c-3',
        daysOverdue: 5,
      }),
    ]);
  });

  it('Given a configured threshold, Then the flag carries the threshold used', () => {
    const s = started().summary();
    const config = driftConfig({ DR01: { workingDays: 10 } });
    expect(flagsOf(s, '2025-06-17', 'DR01', config)[0]).toMatchObject({
      dueDate: '2025-06-16',
      threshold: { workingDays: 10 },
    });
  });

  it('Given a short-break period (V3/V4), Then no flag is raised', () => {
    const s = journey('c').registered('2015-01-01').startCare('2025-06-02', 'V4').summary();
    expect(flagsOf(s, '2025-09-01', 'DR01')).toEqual([]);
  });

  it('Given the child left care after the due date without a review, Then the flag closes as no longer applying', () => {
    const s = started().endCare('2025-07-04').summary();
    expect(flagsOf(s, '2025-07-10', 'DR01')).toEqual([]);
    expect(historyOf(s, '2025-07-10', 'DR01')[0]).toMatchObject({
      closedOn: '2025-07-04',
      closedBy: 'no_longer_applies',
    });
  });
});
