import { journey } from '../testing/journey-builder';
import { dueSoonOf, flagsOf, historyOf } from '../testing/drift-expectations';

describe('DR13 still looked after at 18', () => {
  // Born 2008-10-30: 18 on 2026-10-30.
  const inCareAt17 = () =>
    journey('y').registered('2024-05-01', { dateOfBirth: '2008-10-30' }).startCare('2024-05-10', 'V2', 'U6');

  it('Given a child in care since 17, When the 18th birthday passes with the period open, Then a flag opens the day after with the registration and start as evidence', () => {
    const s = inCareAt17().summary();
    expect(flagsOf(s, '2026-10-30', 'DR13')).toEqual([]);
    expect(flagsOf(s, '2026-11-27', 'DR13')).toEqual([
      expect.objectContaining({
        dueDate: '2026-10-30',
        daysOverdue: 28,
        evidence: ['y-1', 'y-2'],
        threshold: { age: 18 },
      }),
    ]);
  });

  it('Given the 18th birthday is near, Then it is an early warning', () =>
    expect(dueSoonOf(inCareAt17().summary(), '2026-10-20', 'DR13')).toEqual([
      expect.objectContaining({ dueDate: '2026-10-30', daysUntilDue: 10 }),
    ]));

  it('Given care ends on the 18th birthday (E17), Then no flag and no breach', () => {
    const s = inCareAt17().endCare('2026-10-30', 'E17').summary();
    expect(flagsOf(s, '2026-11-27', 'DR13')).toEqual([]);
    expect(historyOf(s, '2026-11-27', 'DR13')).toEqual([]);
  });

  it('Given care ended late, Then the flag closes but the history keeps the breach', () => {
    const s = inCareAt17().endCare('2026-11-10', 'E8').summary();
    expect(flagsOf(s, '2026-11-27', 'DR13')).toEqual([]);
    expect(historyOf(s, '2026-11-27', 'DR13')).toEqual([
      expect.objectContaining({ openedOn: '2026-10-31', closedOn: '2026-11-10', daysOverdue: 11 }),
    ]);
  });

  it('Given an adult (born 1990) recorded as entering care, Then the flag is open from the start of care', () => {
    const s = journey('a')
      .registered('2026-09-01', { dateOfBirth: '1990-01-01' })
      .startCare('2026-10-01', 'V2', 'U6')
      .summary();
    expect(flagsOf(s, '2026-10-02', 'DR13')).toEqual([expect.objectContaining({ dueDate: '2008-01-01' })]);
  });

  it("Given a young person accommodated under s20 (V2) in a children's home (K2) past 18, Then no flag (s20(5), 903 rule 359)", () => {
    const s = journey('k')
      .registered('2024-05-01', { dateOfBirth: '2008-10-30' })
      .startCare('2024-05-10', 'V2', 'K2')
      .summary();
    expect(flagsOf(s, '2026-11-27', 'DR13')).toEqual([]);
  });

  it('Given a 29 February birthday, Then the child is 18 on 1 March in a common year', () => {
    const s = journey('l')
      .registered('2024-05-01', { dateOfBirth: '2008-02-29' })
      .startCare('2024-05-10')
      .summary();
    expect(flagsOf(s, '2026-03-01', 'DR13')).toEqual([]);
    expect(flagsOf(s, '2026-03-02', 'DR13')).toEqual([expect.objectContaining({ dueDate: '2026-03-01' })]);
  });

  it('Given a short-break period open past 18, Then no flag (short breaks skip every rule)', () => {
    const s = journey('b')
      .registered('2024-05-01', { dateOfBirth: '2008-10-30' })
      .startCare('2026-10-25', 'V3')
      .summary();
    expect(flagsOf(s, '2026-11-27', 'DR13')).toEqual([]);
  });
});
