import { journey } from '../testing/journey-builder';
import { flagsOf, historyOf } from '../testing/drift-expectations';

describe('DR08 relinquished baby not placed', () => {
  const baby = () =>
    journey('b')
      .registered('2025-01-29', { dateOfBirth: '2025-01-29', relinquishedAtBirth: true })
      .startCare('2025-01-31', 'V2', 'U3');

  it('Given a relinquished baby entering care on 31 January, Then placement with adopters is due 31 May', () => {
    const s = baby().summary();
    expect(flagsOf(s, '2025-05-31', 'DR08')).toEqual([]);
    expect(flagsOf(s, '2025-06-10', 'DR08')).toEqual([
      expect.objectContaining({
        dueDate: '2025-05-31',
        daysOverdue: 10,
        evidence: ['b-1', 'b-2'],
        threshold: { months: 4 },
      }),
    ]);
  });

  it('Given a fostering-for-adoption (U2) placement on the due date, Then it is in time', () => {
    const s = baby().move('2025-05-31', 'U2').summary();
    expect(flagsOf(s, '2025-07-01', 'DR08')).toEqual([]);
  });

  it('Given a late placement for adoption, Then the history keeps the breach', () => {
    const s = baby().placedForAdoption('2025-06-05').summary();
    expect(historyOf(s, '2025-07-01', 'DR08')).toEqual([
      expect.objectContaining({ openedOn: '2025-06-01', closedOn: '2025-06-05', daysOverdue: 5 }),
    ]);
  });

  it('Given a child not relinquished at birth, Then the rule does not apply', () => {
    const s = journey('b')
      .registered('2025-01-29', { dateOfBirth: '2025-01-29' })
      .startCare('2025-01-31')
      .summary();
    expect(flagsOf(s, '2025-07-01', 'DR08')).toEqual([]);
  });

  it('Given a short-break period, Then no flag', () => {
    const s = journey('b')
      .registered('2025-01-29', { dateOfBirth: '2025-01-29', relinquishedAtBirth: true })
      .startCare('2025-01-31', 'V3')
      .summary();
    expect(flagsOf(s, '2025-07-01', 'DR08')).toEqual([]);
  });
});
