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

  it('Given care begun under a placement order (LS E1) on 1 March 2024 and no match, When drift is read on 10 July, Then DR06 was due 121 days after the start of care (30 June)', () => {
    const s = journey('c').registered('2023-01-01').startCare('2024-03-01', 'E1').summary();
    expect(flagsOf(s, '2024-06-30', 'DR06')).toEqual([]);
    expect(flagsOf(s, '2024-07-10', 'DR06')).toEqual([
      expect.objectContaining({ dueDate: '2024-06-30', daysOverdue: 10, evidence: ['c-2'] }),
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
  describe("after a reversed decision (the review's RV8N and RV8O)", () => {
    // Care from 6 February 2023, decision 2 May, placement order 3 July (due 1 November), match 1 September.
    const matchedThenReversed = (reversedOn: string) =>
      journey('n')
        .registered('2023-01-01')
        .startCare('2023-02-06', 'C2', 'U6')
        .adoptionDecision('2023-05-02')
        .placementOrder('2023-07-03')
        .match('2023-09-01')
        .add('AdoptionDecisionReversed', { effectiveDate: reversedOn, reason: 'RD4' });

    it('Given RV8N reversed on 2 October 2023 and decided again on 1 November, When no new match is made by 1 December, Then DR06 is open: the reversed match no longer counts', () => {
      const s = matchedThenReversed('2023-10-02').adoptionDecision('2023-11-01').summary();
      expect(flagsOf(s, '2023-10-15', 'DR06')).toEqual([]);
      expect(flagsOf(s, '2023-12-01', 'DR06')).toEqual([
        expect.objectContaining({
          dueDate: '2023-11-01',
          openedOn: '2023-11-02',
          daysOverdue: 30,
          evidence: ['n-4', 'n-7'],
        }),
      ]);
    });

    it('Given RV8N re-matched on 8 January 2024, Then the flag closes then and the history keeps the breach', () => {
      const s = matchedThenReversed('2023-10-02')
        .adoptionDecision('2023-11-01')
        .match('2024-01-08')
        .summary();
      expect(historyOf(s, '2024-02-01', 'DR06')).toEqual([
        expect.objectContaining({ openedOn: '2023-11-02', closedOn: '2024-01-08', daysOverdue: 68 }),
      ]);
    });

    it('Given RV8O reversed on 8 January 2024, decided again on 5 February and re-matched on 1 April, Then DR06 was open from the new decision to the new match', () => {
      const s = matchedThenReversed('2024-01-08')
        .adoptionDecision('2024-02-05')
        .match('2024-04-01')
        .summary();
      expect(flagsOf(s, '2024-01-20', 'DR06')).toEqual([]);
      expect(flagsOf(s, '2024-03-01', 'DR06')).toEqual([
        expect.objectContaining({ openedOn: '2024-02-05', daysOverdue: 121 }),
      ]);
      expect(historyOf(s, '2024-06-01', 'DR06')).toEqual([
        expect.objectContaining({ openedOn: '2024-02-05', closedOn: '2024-04-01', closingEventId: 'n-8' }),
      ]);
    });

    it('Given a reversal with no new decision, Then the match before it still closed the flag in time', () => {
      const s = matchedThenReversed('2023-10-02').summary();
      expect(flagsOf(s, '2024-06-01', 'DR06')).toEqual([]);
      expect(historyOf(s, '2024-06-01', 'DR06')).toEqual([]);
    });
  });
});
