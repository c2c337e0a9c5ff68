import { driftConfig } from './drift-config';
import { journey } from '../testing/journey-builder';
import { dueSoonOf, flagsOf, historyOf } from '../testing/drift-expectations';

describe('DR15 adoption placement review (Adoption Agencies Regulations 2005 reg 36; review s15-iro F2)', () => {
  // The reviewer's IRO0004: last review 15 May 2025, placed with adopters (A6) on 1 October 2025.
  const iro0004 = () =>
    journey('c')
      .registered('2015-01-01')
      .startCare('2025-02-03')
      .review('2025-02-20')
      .review('2025-05-15')
      .adoptionDecision('2025-06-01')
      .placementOrder('2025-08-01')
      .match('2025-09-01')
      .placedForAdoption('2025-10-01', 'A6');

  it('Given placed with adopters on 1 October and no review since, When asked on 10 November, Then the first review was due on 29 October (4 weeks) and is 12 days overdue, resting on the placement', () => {
    const builder = iro0004();
    const placedId = builder.lastId;
    const s = builder.summary();
    expect(flagsOf(s, '2025-10-29', 'DR15')).toEqual([]);
    expect(flagsOf(s, '2025-11-10', 'DR15')).toEqual([
      expect.objectContaining({ dueDate: '2025-10-29', daysOverdue: 12, evidence: [placedId] }),
    ]);
  });

  it('Given placed on 1 October, When asked on 10 October, Then the first review shows as due soon under its due title', () => {
    const s = iro0004().summary();
    expect(dueSoonOf(s, '2025-10-10', 'DR15')).toEqual([
      expect.objectContaining({ dueDate: '2025-10-29', title: 'Adoption placement review due' }),
    ]);
  });

  it('Given a review 20 October, Then the second is due 3 months after it (20 January), then 6 months after that', () => {
    const builder = iro0004().review('2025-10-20');
    const firstReviewId = builder.lastId;
    const s = builder.review('2026-01-15').summary();
    expect(flagsOf(s, '2026-01-25', 'DR15')).toEqual([]);
    expect(flagsOf(s, '2026-07-16', 'DR15')).toEqual([
      expect.objectContaining({ dueDate: '2026-07-15', daysOverdue: 1 }),
    ]);
    const s2 = iro0004().review('2025-10-20').summary();
    expect(flagsOf(s2, '2026-01-25', 'DR15')).toEqual([
      expect.objectContaining({ dueDate: '2026-01-20', daysOverdue: 5, evidence: [firstReviewId] }),
    ]);
  });

  it('Given the first review held late on 5 November, Then DR15 closed that day and the history keeps the breach', () => {
    const s = iro0004().review('2025-11-05').summary();
    expect(flagsOf(s, '2025-11-10', 'DR15')).toEqual([]);
    expect(historyOf(s, '2025-11-10', 'DR15')).toEqual([
      expect.objectContaining({
        dueDate: '2025-10-29',
        openedOn: '2025-10-30',
        closedOn: '2025-11-05',
        closedBy: 'step',
      }),
    ]);
  });

  it('Given a review on the day of the placement, Then it is not the first review after it', () => {
    const s = iro0004().review('2025-10-01').summary();
    expect(flagsOf(s, '2025-11-10', 'DR15')).toEqual([expect.objectContaining({ dueDate: '2025-10-29' })]);
  });

  it('Given the adoption order before a review fell due, Then the chain lapses with care and no flag opens', () => {
    const s = iro0004().review('2025-10-20').adopted('2025-12-01').summary();
    expect(flagsOf(s, '2026-06-01', 'DR15')).toEqual([]);
    expect(historyOf(s, '2026-06-01', 'DR15')).toEqual([]);
  });

  it('Given a placement that disrupts (moved to foster carers), Then no review is due under DR15 after the move', () => {
    const s = iro0004().move('2025-10-15', 'U4').summary();
    expect(flagsOf(s, '2025-11-10', 'DR15')).toEqual([]);
  });

  it('Given a child never placed for adoption, Then no DR15 obligation', () => {
    const s = journey('c').registered('2015-01-01').startCare('2025-02-03').review('2025-02-20').summary();
    expect(flagsOf(s, '2026-01-01', 'DR15')).toEqual([]);
  });

  it('Given {"DR15":{"firstWeeks":2}}, Then the first review is due 2 weeks after the placement', () => {
    const s = iro0004().summary();
    expect(flagsOf(s, '2025-11-10', 'DR15', driftConfig({ DR15: { firstWeeks: 2 } }))).toEqual([
      expect.objectContaining({ dueDate: '2025-10-15', daysOverdue: 26 }),
    ]);
  });
});
