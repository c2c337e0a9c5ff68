/**
 * A2 for a child whose period of care began under a placement order (LS E1: a transfer in from
 * another authority, or care begun before the earliest imported return). National definitions §2:
 * A2 "excludes children … with no placement/freeing order"; mapping "A2 start = first DECOM with
 * LS E1". The journey counts such a period as under a placement order from its start
 * (libs/journey placementOrderSince).
 */
import { journey } from '../testing/journey-builder';
import { scorecard } from './scorecard';

describe('A2 when care began under a placement order (E1)', () => {
  it('Given care begun 10 May 2024 under E1, matched 1 July, placed 1 August and adopted 1 February 2025, When the scorecard to 31 March 2025 is read, Then A2 counts 52 days from the start of care', () => {
    const summary = journey('E1START')
      .registered('2020-01-01')
      .startCare('2024-05-10', 'E1', 'U6')
      .adoptionDecision('2024-05-10')
      .match('2024-07-01')
      .placedForAdoption('2024-08-01', 'A6')
      .adopted('2025-02-01')
      .summary();
    const card = scorecard([summary], '2025-03-31');
    expect(card.A1).toMatchObject({ numerator: 83, denominator: 1 });
    expect(card.A2).toMatchObject({ numerator: 52, denominator: 1, childIds: ['E1START'] });
    expect(card.children[0]).toMatchObject({
      placementOrder: '2024-05-10',
      matched: '2024-07-01',
      a2Days: 52,
    });
    // The start of care is the evidence of the authority to place.
    expect(card.children[0].evidence).toContain(summary.periods[0].startEventId);
  });

  it('Given care begun under C2 and no placement order, When the scorecard is read, Then A2 still leaves the child out', () => {
    const summary = journey('C2START')
      .registered('2020-01-01')
      .startCare('2024-05-10', 'C2', 'U6')
      .adoptionDecision('2024-05-10')
      .match('2024-07-01')
      .placedForAdoption('2024-08-01', 'A6')
      .adopted('2025-02-01')
      .summary();
    expect(scorecard([summary], '2025-03-31').A2).toMatchObject({ denominator: 0 });
  });
});
