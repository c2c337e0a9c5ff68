import { driftConfig } from './drift-config';
import { journey } from '../testing/journey-builder';
import { flagsOf, historyOf } from '../testing/drift-expectations';

describe('DR04 no permanence plan by second review', () => {
  const reviewedTwice = () =>
    journey('c').registered('2015-01-01').startCare('2025-01-06').review('2025-01-20').review('2025-04-01');

  it('Given the second review held on 1 April with no plan, Then the flag is due that day', () => {
    const s = reviewedTwice().summary();
    expect(flagsOf(s, '2025-04-01', 'DR04')).toEqual([]);
    expect(flagsOf(s, '2025-04-10', 'DR04')).toEqual([
      expect.objectContaining({ dueDate: '2025-04-01', daysOverdue: 9, evidence: ['c-2', 'c-3', 'c-4'] }),
    ]);
  });

  it('Given the second review held on 20 April, the day it fell due (first review 20 January + 3 months), When the plan is overdue, Then the flag is due that day and its evidence includes that review', () => {
    const s = journey('c')
      .registered('2015-01-01')
      .startCare('2025-01-06')
      .review('2025-01-20')
      .review('2025-04-20')
      .summary();
    expect(flagsOf(s, '2025-04-30', 'DR04')).toEqual([
      expect.objectContaining({ dueDate: '2025-04-20', daysOverdue: 10, evidence: ['c-2', 'c-3', 'c-4'] }),
    ]);
  });

  it('Given a plan recorded on the day of the second review, Then it is in time', () => {
    const s = reviewedTwice().plan('2025-04-01', 'return_home').summary();
    expect(flagsOf(s, '2025-05-01', 'DR04')).toEqual([]);
    expect(historyOf(s, '2025-05-01', 'DR04')).toEqual([]);
  });

  it('Given the second review never held, Then the plan was due when the review fell due (first + 3 months)', () => {
    const s = journey('c').registered('2015-01-01').startCare('2025-01-06').review('2025-01-20').summary();
    expect(flagsOf(s, '2025-04-30', 'DR04')[0]).toMatchObject({ dueDate: '2025-04-20', daysOverdue: 10 });
  });

  it("Given no review held and a council's extra bank holiday on Wednesday 15 January 2025, Then the first review's due date moves a working day (3 to 4 February) and the plan's deadline with it (3 to 4 May)", () => {
    const s = journey('c').registered('2015-01-01').startCare('2025-01-06').summary();
    expect(flagsOf(s, '2025-05-10', 'DR04')[0]).toMatchObject({ dueDate: '2025-05-03' });
    const council = driftConfig({ extraBankHolidays: ['2025-01-15'] });
    expect(flagsOf(s, '2025-05-10', 'DR04', council)[0]).toMatchObject({
      dueDate: '2025-05-04',
      daysOverdue: 6,
    });
  });

  it('Given a plan recorded late, Then the flag closes that day and the history keeps it', () => {
    const s = reviewedTwice().plan('2025-04-15', 'adoption').summary();
    expect(flagsOf(s, '2025-04-20', 'DR04')).toEqual([]);
    expect(historyOf(s, '2025-04-20', 'DR04')).toEqual([
      expect.objectContaining({ openedOn: '2025-04-02', closedOn: '2025-04-15', daysOverdue: 14 }),
    ]);
  });

  it('Given a short-break period, Then no flag', () => {
    const s = journey('c')
      .registered('2015-01-01')
      .startCare('2025-01-06', 'V3')
      .review('2025-01-20')
      .review('2025-04-01')
      .summary();
    expect(flagsOf(s, '2025-06-01', 'DR04')).toEqual([]);
  });

  describe('a plan for adoption recorded as an adoption decision or a placement order (review s15-iro F1)', () => {
    // The reviewer's IRO0004: in care 3 February 2025, reviews 20 February and 15 May, no permanence plan entry.
    const iro0004 = () =>
      journey('c').registered('2015-01-01').startCare('2025-02-03').review('2025-02-20').review('2025-05-15');

    it('Given a decision that the child should be placed for adoption on 1 June, then a placement order, a match and a placement with adopters, When asked on 28 November 2026, Then DR04 is not open and its history shows it closed by the decision, 17 days overdue', () => {
      const builder = iro0004().adoptionDecision('2025-06-01');
      const decisionId = builder.lastId;
      const s = builder
        .placementOrder('2025-08-01')
        .match('2025-09-01')
        .placedForAdoption('2025-10-01', 'A6')
        .summary();
      expect(flagsOf(s, '2026-11-28', 'DR04')).toEqual([]);
      expect(historyOf(s, '2026-11-28', 'DR04')).toEqual([
        expect.objectContaining({
          dueDate: '2025-05-15',
          openedOn: '2025-05-16',
          closedOn: '2025-06-01',
          closedBy: 'step',
          closingEventId: decisionId,
          daysOverdue: 17,
        }),
      ]);
    });

    it('Given an adoption decision recorded before the second review, When asked after it, Then DR04 was met in time', () => {
      const s = journey('c')
        .registered('2015-01-01')
        .startCare('2025-02-03')
        .review('2025-02-20')
        .adoptionDecision('2025-04-01')
        .review('2025-05-15')
        .summary();
      expect(flagsOf(s, '2025-06-01', 'DR04')).toEqual([]);
      expect(historyOf(s, '2025-06-01', 'DR04')).toEqual([]);
    });

    it('Given a placement order recorded late with no decision or plan before it (imported data), When asked after it, Then the order closed DR04 that day', () => {
      const builder = iro0004().placementOrder('2025-06-10');
      const orderId = builder.lastId;
      const s = builder.summary();
      expect(historyOf(s, '2025-07-01', 'DR04')).toEqual([
        expect.objectContaining({ closedOn: '2025-06-10', closedBy: 'step', closingEventId: orderId }),
      ]);
    });

    it('Given care begun under a placement order (LS E1), When the second review is held with no plan entry, Then DR04 never opens', () => {
      const s = journey('c')
        .registered('2015-01-01')
        .startCare('2025-02-03', 'E1')
        .review('2025-02-20')
        .review('2025-05-15')
        .summary();
      expect(flagsOf(s, '2025-07-01', 'DR04')).toEqual([]);
      expect(historyOf(s, '2025-07-01', 'DR04')).toEqual([]);
    });

    it('Given an adoption decision on 1 June and a permanence plan on 10 June, Then the earlier entry closes DR04', () => {
      const s = iro0004().adoptionDecision('2025-06-01').plan('2025-06-10', 'adoption').summary();
      expect(historyOf(s, '2025-07-01', 'DR04')).toEqual([
        expect.objectContaining({ closedOn: '2025-06-01', daysOverdue: 17 }),
      ]);
    });
  });

  describe('a first review held late: DR04.deadline (review s15-iro F4)', () => {
    // The reviewer's IRO0003: in care 5 January 2026, first review held late on 1 September, no plan.
    const iro0003 = () => journey('c').registered('2015-01-01').startCare('2026-01-05').review('2026-09-01');

    it('Given the default (second_review), When asked on 28 November 2026, Then the breach due 2 May closed on 1 September, re-dated to 1 December and linked to it, and nothing is open', () => {
      const s = iro0003().summary();
      expect(flagsOf(s, '2026-11-28', 'DR04')).toEqual([]);
      expect(historyOf(s, '2026-11-28', 'DR04')).toEqual([
        expect.objectContaining({
          key: '2026-01-05',
          dueDate: '2026-05-02',
          openedOn: '2026-05-03',
          closedOn: '2026-09-01',
          closedBy: 'no_longer_applies',
          replacedBy: { key: '2026-01-05~2026-12-01', dueDate: '2026-12-01' },
        }),
      ]);
    });

    it('Given {"DR04":{"deadline":"fixed_from_entry"}}, When asked on 28 November 2026, Then DR04 stays open from 3 May (due 2 May, 20 working days + 3 months after entry), 210 days overdue, with no re-dated entry', () => {
      const config = driftConfig({ DR04: { deadline: 'fixed_from_entry' } });
      const s = iro0003().summary();
      expect(flagsOf(s, '2026-11-28', 'DR04', config)).toEqual([
        expect.objectContaining({ dueDate: '2026-05-02', openedOn: '2026-05-03', daysOverdue: 210 }),
      ]);
      expect(historyOf(s, '2026-11-28', 'DR04', config)).toEqual([
        expect.not.objectContaining({ closedOn: expect.anything() }),
      ]);
    });

    it('Given fixed_from_entry and a second review held before the fixed deadline, Then the plan is due by that review, as by default', () => {
      const config = driftConfig({ DR04: { deadline: 'fixed_from_entry' } });
      const s = reviewedTwice().summary();
      expect(flagsOf(s, '2025-04-10', 'DR04', config)).toEqual([
        expect.objectContaining({ dueDate: '2025-04-01', daysOverdue: 9 }),
      ]);
    });

    it('Given a deadline that is not one of its choices, Then the configuration is refused naming DR04.deadline', () => {
      expect(() => driftConfig({ DR04: { deadline: 'never' as never } })).toThrow(
        /^DR04\.deadline must be one of 'second_review', 'fixed_from_entry', got "never"/,
      );
    });
  });
});
