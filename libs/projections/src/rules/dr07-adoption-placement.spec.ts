import { journey } from '../testing/journey-builder';
import { flagsOf, historyOf } from '../testing/drift-expectations';
import { driftConfig, LOCAL_ADOPTION_TARGET_DAYS } from './drift-config';

describe('DR07 adoption placement delay', () => {
  // 1 January 2024 + 426 days = 2 March 2025 (2024 is a leap year).
  const decided = () =>
    journey('c').registered('2023-01-01').startCare('2024-01-01').adoptionDecision('2024-06-01');

  it('Given a decision for adoption and no move-in, Then the flag is due 426 days after entering care', () => {
    const s = decided().summary();
    expect(flagsOf(s, '2025-03-02', 'DR07')).toEqual([]);
    expect(flagsOf(s, '2025-03-12', 'DR07')).toEqual([
      expect.objectContaining({
        dueDate: '2025-03-02',
        daysOverdue: 10,
        evidence: ['c-2', 'c-3'],
        threshold: { days: 426 },
      }),
    ]);
  });

  it('Given the local 365-day target, Then it is due on 31 December 2024', () => {
    const s = decided().summary();
    const local = driftConfig({ DR07: { days: LOCAL_ADOPTION_TARGET_DAYS } });
    expect(flagsOf(s, '2025-01-01', 'DR07', local)[0]).toMatchObject({
      dueDate: '2024-12-31',
      threshold: { days: 365 },
    });
  });

  it('Given a move-in with adopters on the due date, Then it is in time', () => {
    const s = decided().placedForAdoption('2025-03-02').summary();
    expect(flagsOf(s, '2025-04-01', 'DR07')).toEqual([]);
    expect(historyOf(s, '2025-04-01', 'DR07')).toEqual([]);
  });

  it('Given the foster carer adopts, Then the step is the start of that foster placement', () => {
    const s = journey('c')
      .registered('2023-01-01')
      .startCare('2024-01-01', 'C2', 'U3')
      .move('2024-03-01', 'U1')
      .plan('2024-06-01', 'adoption')
      .placedForAdoption('2025-06-01', 'A5', true)
      .summary();
    expect(flagsOf(s, '2025-07-01', 'DR07')).toEqual([]);
    expect(historyOf(s, '2025-07-01', 'DR07')).toEqual([]);
  });

  it('Given a late move-in, Then the history keeps the breach', () => {
    const s = decided().placedForAdoption('2025-04-01').summary();
    expect(historyOf(s, '2025-05-01', 'DR07')).toEqual([
      expect.objectContaining({ openedOn: '2025-03-03', closedOn: '2025-04-01', daysOverdue: 30 }),
    ]);
  });

  describe('a late move-in that later disrupts (due 2 March 2025)', () => {
    // Moved in late on 1 April 2025 (breach from 3 March), back to foster care 1 June, new family 1 September.
    const disrupted = () => decided().placedForAdoption('2025-04-01').move('2025-06-01', 'U4');

    it('Given the move out on 1 June, Then the breach keeps its closing (1 April, step) and the flag opens again that day under a key of its own', () => {
      const s = disrupted().summary();
      expect(historyOf(s, '2025-07-01', 'DR07')).toEqual([
        expect.objectContaining({
          key: '2024-01-01',
          openedOn: '2025-03-03',
          closedOn: '2025-04-01',
          closedBy: 'step',
        }),
        expect.objectContaining({
          key: '2024-01-01/2025-06-01',
          dueDate: '2025-03-02',
          openedOn: '2025-06-01',
        }),
      ]);
      expect(historyOf(s, '2025-07-01', 'DR07')[1].closedOn).toBeUndefined();
      expect(flagsOf(s, '2025-05-01', 'DR07')).toEqual([]);
    });

    it('Given the new family on 1 September, Then the second breach closes then, and the first stays as it was', () => {
      const s = disrupted().placedForAdoption('2025-09-01').summary();
      expect(historyOf(s, '2025-10-01', 'DR07')).toEqual([
        expect.objectContaining({ key: '2024-01-01', closedOn: '2025-04-01', closedBy: 'step' }),
        expect.objectContaining({
          key: '2024-01-01/2025-06-01',
          openedOn: '2025-06-01',
          closedOn: '2025-09-01',
          closedBy: 'step',
        }),
      ]);
    });

    it('Given a move-in in time that disrupts before the due date, Then no breach until the due date passes', () => {
      const s = decided().placedForAdoption('2024-09-01').move('2024-12-01', 'U4').summary();
      expect(historyOf(s, '2025-03-01', 'DR07')).toEqual([]);
      expect(flagsOf(s, '2025-03-10', 'DR07')).toEqual([
        expect.objectContaining({ key: '2024-01-01/2024-12-01', dueDate: '2025-03-02', daysOverdue: 8 }),
      ]);
    });
  });

  it('Given the decision comes after the due date, Then the flag opens only from the decision', () => {
    const s = journey('c')
      .registered('2023-01-01')
      .startCare('2024-01-01')
      .adoptionDecision('2025-04-01')
      .summary();
    expect(flagsOf(s, '2025-03-31', 'DR07')).toEqual([]);
    expect(flagsOf(s, '2025-04-01', 'DR07')[0]).toMatchObject({ openedOn: '2025-04-01', daysOverdue: 30 });
  });

  it('Given another route is planned instead, Then the flag no longer applies', () => {
    const s = decided().plan('2025-03-20', 'special_guardianship').summary();
    expect(flagsOf(s, '2025-04-01', 'DR07')).toEqual([]);
    expect(historyOf(s, '2025-04-01', 'DR07')[0]).toMatchObject({
      closedOn: '2025-03-20',
      closedBy: 'no_longer_applies',
    });
  });

  it('Given a short-break period, Then no flag', () => {
    const s = journey('c')
      .registered('2023-01-01')
      .startCare('2024-01-01', 'V4')
      .adoptionDecision('2024-06-01')
      .summary();
    expect(flagsOf(s, '2025-06-01', 'DR07')).toEqual([]);
  });
  describe("after a disrupted placement (the review's RV8O)", () => {
    // Care from 6 February 2023: due 7 April 2024 (426 days). Moved in (A6) 2 October 2023; back to
    // foster care and the decision reversed 8 January 2024; decided again 5 February, new family 7 May.
    const disrupted = () =>
      journey('o')
        .registered('2023-01-01')
        .startCare('2023-02-06', 'C2', 'U6')
        .adoptionDecision('2023-05-02')
        .placementOrder('2023-07-03')
        .match('2023-09-01')
        .placedForAdoption('2023-10-02', 'A6')
        .move('2024-01-08', 'U6')
        .add('AdoptionDecisionReversed', { effectiveDate: '2024-01-08', reason: 'RD4' })
        .adoptionDecision('2024-02-05')
        .match('2024-04-01');

    it('Given RV8O back in foster care and decided again, When 7 April 2024 passes with no new move-in, Then DR07 is open: the disrupted move-in no longer counts', () => {
      const s = disrupted().summary();
      expect(flagsOf(s, '2023-12-01', 'DR07')).toEqual([]);
      expect(flagsOf(s, '2024-04-20', 'DR07')).toEqual([
        expect.objectContaining({ dueDate: '2024-04-07', daysOverdue: 13, evidence: ['o-2', 'o-9'] }),
      ]);
    });

    it('Given RV8O moved in with the new family on 7 May 2024, Then the flag closes then and the history keeps the breach', () => {
      const s = disrupted().placedForAdoption('2024-05-07', 'A6').summary();
      expect(historyOf(s, '2024-06-01', 'DR07')).toEqual([
        expect.objectContaining({ openedOn: '2024-04-08', closedOn: '2024-05-07', daysOverdue: 30 }),
      ]);
    });

    it('Given the placement disrupted and the decision reversed with no new decision, Then the flag no longer applies from the reversal', () => {
      const s = journey('o')
        .registered('2023-01-01')
        .startCare('2023-02-06', 'C2', 'U6')
        .adoptionDecision('2023-05-02')
        .placedForAdoption('2023-10-02', 'A6')
        .move('2024-01-08', 'U6')
        .add('AdoptionDecisionReversed', { effectiveDate: '2024-01-08', reason: 'RD1' })
        .summary();
      expect(flagsOf(s, '2024-06-01', 'DR07')).toEqual([]);
      expect(historyOf(s, '2024-06-01', 'DR07')).toEqual([]);
    });

    it('Given a decision reversed and another made on the same day, Then the route goes on from the new decision', () => {
      const s = journey('o')
        .registered('2023-01-01')
        .startCare('2023-02-06', 'C2', 'U6')
        .adoptionDecision('2023-05-02')
        .add('AdoptionDecisionReversed', { effectiveDate: '2023-12-01', reason: 'RD4' })
        .adoptionDecision('2023-12-01')
        .summary();
      expect(flagsOf(s, '2024-04-20', 'DR07')).toEqual([
        expect.objectContaining({ dueDate: '2024-04-07', evidence: ['o-2', 'o-5'] }),
      ]);
    });
  });

  it('Given fostering for adoption recorded as "placed for adoption" with U5, Then it is no move-in with adopters', () => {
    const s = decided().placedForAdoption('2024-09-02', 'U5').summary();
    expect(flagsOf(s, '2025-03-12', 'DR07')).toEqual([expect.objectContaining({ dueDate: '2025-03-02' })]);
  });
});
