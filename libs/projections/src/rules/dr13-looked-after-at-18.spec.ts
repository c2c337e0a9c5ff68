import { journey } from '../testing/journey-builder';
import { dueSoonOf, flagsOf, historyOf } from '../testing/drift-expectations';
import { DEFAULT_DRIFT_CONFIG } from './drift-config';
import { DR13 } from './dr13-looked-after-at-18';

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

  it('Given care ends on the 18th birthday (E17), When the rule is read, Then it gives no obligation at all (not one met on its due date)', () => {
    const s = inCareAt17().endCare('2026-10-30', 'E17').summary();
    expect(DR13.obligations(s, '2026-11-27', DEFAULT_DRIFT_CONFIG)).toEqual([]);
  });

  it("Given care (V2 in a children's home, K2) stored as starting on the 18th birthday, When the rule is read, Then it is flagged: care never starts at 18 (903 rule 352), s20(5) covers only care begun before", () => {
    const s = journey('k18')
      .registered('2024-05-01', { dateOfBirth: '2008-10-30' })
      .startCare('2026-10-30', 'V2', 'K2')
      .summary();
    expect(flagsOf(s, '2026-11-27', 'DR13')).toEqual([
      expect.objectContaining({ dueDate: '2026-10-30', evidence: ['k18-1', 'k18-2'] }),
    ]);
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
