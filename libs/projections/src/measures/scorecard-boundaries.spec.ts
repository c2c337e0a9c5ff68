/**
 * The scorecard's edges (national definitions §2): A3 counts a wait of "less than 14 months", the latest
 * move-in is the day before the order, and the three-year period runs from
 * 1 April of its first year to 31 March of its last, both days included.
 */
import { journey } from '../testing/journey-builder';
import { scorecard } from './scorecard';

const adoptedChild = (id: string, enteredCare: string, movedIn: string, adopted: string) =>
  journey(id)
    .registered('2019-01-01')
    .startCare(enteredCare)
    .placedForAdoption(movedIn)
    .adopted(adopted)
    .summary();

describe('scorecard A3: moved in less than 14 months after entering care', () => {
  it('Given a child who entered care on 1 January 2022 and moved in on 1 March 2023 (14 months to the day), When the scorecard to 31 March 2025 is read, Then A3 does not count the child as waiting less than 14 months', () => {
    const card = scorecard([adoptedChild('ON14', '2022-01-01', '2023-03-01', '2023-09-01')], '2025-03-31');
    expect(card.children[0]).toMatchObject({ movedIn: '2023-03-01', under14Months: false });
    expect(card.A3).toMatchObject({ numerator: 0, denominator: 1, childIds: [] });
  });

  it('Given a child who entered care on 1 January 2022 and moved in on 28 February 2023 (a day short of 14 months), When the scorecard is read, Then A3 counts the child', () => {
    const card = scorecard([adoptedChild('UNDER14', '2022-01-01', '2023-02-28', '2023-09-01')], '2025-03-31');
    expect(card.children[0]).toMatchObject({ movedIn: '2023-02-28', under14Months: true });
    expect(card.A3).toMatchObject({ numerator: 1, denominator: 1, childIds: ['UNDER14'] });
  });
});

/**
 * A move-in on the order's day itself cannot be recorded: the order ends care, and the journey refuses
 * to end an episode on the day it started (invariants/episodes.ts, episode-same-day). The latest move-in
 * is the day before the order.
 */
describe('scorecard: moving in the day before the adoption order', () => {
  it('Given a child who entered care on 1 January 2023 and moved in with the adopters on 31 May 2024, the day before the adoption order, When the scorecard is read, Then the move-in counts in A1, A3 and A10', () => {
    const card = scorecard(
      [adoptedChild('DAYBEFORE', '2023-01-01', '2024-05-31', '2024-06-01')],
      '2025-03-31',
    );
    expect(card.children[0]).toMatchObject({
      movedIn: '2024-05-31',
      adoptionOrder: '2024-06-01',
      a1Days: 516,
      a10Days: 516,
      under14Months: false,
    });
    expect(card.A1).toMatchObject({ numerator: 516, denominator: 1, childIds: ['DAYBEFORE'] });
    expect(card.A10).toMatchObject({ numerator: 516, denominator: 1 });
    expect(card.A3).toMatchObject({ denominator: 1 });
  });
});

describe('scorecard: the three years ending 31 March 2025 run from 1 April 2022', () => {
  const orderedOn = (id: string, order: string) => adoptedChild(id, '2021-01-01', '2021-12-01', order);
  const card = scorecard(
    [
      orderedOn('DAYBEFORE', '2022-03-31'),
      orderedOn('FIRSTDAY', '2022-04-01'),
      orderedOn('LASTDAY', '2025-03-31'),
      orderedOn('DAYAFTER', '2025-04-01'),
    ],
    '2025-03-31',
  );

  it('Given adoption orders on 1 April 2022 and 31 March 2025, When the scorecard is read, Then both children are in it', () => {
    expect(card.children.map((c) => c.childId)).toEqual(['FIRSTDAY', 'LASTDAY']);
    expect(card.A1.childIds).toEqual(['FIRSTDAY', 'LASTDAY']);
  });

  it('Given adoption orders on 31 March 2022 and 1 April 2025, When the scorecard is read, Then neither child is in it', () => {
    const ids = card.children.map((c) => c.childId);
    expect(ids).not.toContain('DAYBEFORE');
    expect(ids).not.toContain('DAYAFTER');
    expect(card.A1.denominator).toBe(2);
  });
});
