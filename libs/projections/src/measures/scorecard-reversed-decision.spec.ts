import { journey } from '../testing/journey-builder';
import { scorecard } from './scorecard';
import { timeToPermanence } from './time-to-permanence';

/** The review's RV8N and RV8O: care from 6 February 2023, decision 2 May, placement order 3 July. */
const toPlacementOrder = (id: string) =>
  journey(id)
    .registered('2023-01-01', { dateOfBirth: '2022-02-02' })
    .startCare('2023-02-06', 'C2', 'U6')
    .adoptionDecision('2023-05-02')
    .placementOrder('2023-07-03')
    .match('2023-09-01');

const reversed = (date: string) => ({ effectiveDate: date, reason: 'RD4' as const });

// RV8N: re-matched before moving in.
const rematched = () =>
  toPlacementOrder('RV8N')
    .add('AdoptionDecisionReversed', reversed('2023-10-02'))
    .adoptionDecision('2023-11-01')
    .match('2024-01-08')
    .placedForAdoption('2024-03-04', 'A6')
    .adopted('2024-10-07');

// RV8O: moved in, the placement disrupted, then a new decision, match and family.
const disrupted = () =>
  toPlacementOrder('RV8O')
    .placedForAdoption('2023-10-02', 'A6')
    .move('2024-01-08', 'U6')
    .add('AdoptionDecisionReversed', reversed('2024-01-08'))
    .adoptionDecision('2024-02-05')
    .match('2024-04-01')
    .placedForAdoption('2024-05-07', 'A6')
    .adopted('2024-11-04');

describe('scorecard after a reversed adoption decision (three years ending 31 March 2025)', () => {
  it('Given RV8N re-matched on 8 January 2024 after a reversal, When the scorecard is read, Then A2 runs from the placement order to that match (189 days, the AD1 DATE_MATCH)', () => {
    const card = scorecard([rematched().summary()], '2025-03-31');
    expect(card.children[0]).toMatchObject({
      placementOrder: '2023-07-03',
      matched: '2024-01-08',
      a2Days: 189,
      movedIn: '2024-03-04',
      a1Days: 392,
      under14Months: true,
    });
    expect(card.A2).toMatchObject({ numerator: 189, denominator: 1, meanDays: 189, meetsThreshold: false });
  });

  it('Given RV8O whose first adoptive placement disrupted, When the scorecard is read, Then A1/A10 end on the move-in with the family who adopted (456 days), A3 is no and A2 ends on the new match (273)', () => {
    const card = scorecard([disrupted().summary()], '2025-03-31');
    expect(card.children[0]).toMatchObject({
      movedIn: '2024-05-07',
      a1Days: 456,
      a10Days: 456,
      under14Months: false,
      matched: '2024-04-01',
      a2Days: 273,
    });
    expect(card.A1).toMatchObject({ numerator: 456, denominator: 1, meetsThreshold: false });
    expect(card.A3).toMatchObject({ numerator: 0, denominator: 1, percentage: 0 });
    expect(card.A10).toMatchObject({ numerator: 456, denominator: 1 });
  });

  it('Given RV8O, When time to permanence is read, Then the adoption move-in is the placement with the family who adopted', () => {
    const rows = timeToPermanence([disrupted().summary()], '2023-04-01', '2025-03-31').rows;
    expect(rows.filter((row) => row.milestone === 'adoption_move_in')).toEqual([
      expect.objectContaining({ date: '2024-05-07', days: 456 }),
    ]);
  });
});

describe('fostering for adoption recorded as "placed for adoption" with U5 (accepted before it was refused)', () => {
  // In care from 1 March 2023 (U6); fostering for adoption from 3 July; placed with those carers (A5) on 2 January 2024.
  const fosteredForAdoption = () =>
    journey('FFA')
      .registered('2023-01-01', { dateOfBirth: '2022-02-02' })
      .startCare('2023-03-01', 'C2', 'U6')
      .adoptionDecision('2023-05-02')
      .placedForAdoption('2023-07-03', 'U5', false);

  it('Given a U5 entry and then A5 with the same carers, When the scorecard is read, Then A1 ends on the A5 date and A10 on the start of the U5 placement', () => {
    const summary = fosteredForAdoption()
      .placementOrder('2023-09-01')
      .match('2023-11-01')
      .placedForAdoption('2024-01-02', 'A5', true)
      .adopted('2024-06-03', true)
      .summary();
    expect(scorecard([summary], '2025-03-31').children[0]).toMatchObject({
      movedIn: '2024-01-02',
      a1Days: 307,
      a10End: '2023-07-03',
      a10Days: 124,
    });
    const rows = timeToPermanence([summary], '2023-04-01', '2025-03-31').rows;
    expect(rows.find((row) => row.milestone === 'adoption_move_in')).toMatchObject({ date: '2024-01-02' });
  });

  it('Given only the U5 entry, When time to permanence is read, Then there is no adoption move-in (the 903 has no A3–A6 episode)', () => {
    const rows = timeToPermanence([fosteredForAdoption().summary()], '2023-04-01', '2025-03-31').rows;
    expect(rows.filter((row) => row.milestone === 'adoption_move_in')).toEqual([]);
  });
});
