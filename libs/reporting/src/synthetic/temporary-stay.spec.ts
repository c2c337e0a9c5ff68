import { addMonths } from '@care-journey/journey';
import { addDays } from './dates';
import type { Random } from './prng';
import { seededRandom } from './prng';
import { temporaryStay } from './temporary-stay';

/** A Random that always draws the first weighted value (T3) and the longest stay. */
const alwaysT3: Random = {
  next: () => 0,
  int: (_min, max) => max,
  chance: () => true,
  pick: (items) => items[0],
  weighted: (table) => table[0][0],
};

const typeOf = (drafts: ReturnType<typeof temporaryStay>) =>
  (drafts[0] as { placementType: string }).placementType;

describe('temporary stays drawn by the synthetic authority (903 rule 377: at most two T3 in 12 months)', () => {
  it('Given no earlier T3, When a T3 is drawn, Then it is a T3 and is remembered', () => {
    const starts: string[] = [];
    expect(typeOf(temporaryStay(alwaysT3, 'c', '2024-06-01', starts))).toBe('T3');
    expect(starts).toEqual(['2024-06-01']);
  });

  it('Given two T3 in the last 12 months, When a third is drawn, Then it becomes a T4 of at most 7 days', () => {
    const starts = ['2024-06-01', '2024-08-01'];
    const drafts = temporaryStay(alwaysT3, 'c', '2024-12-01', starts);
    expect(drafts).toEqual([
      { type: 'StartTemporaryPlacement', childId: 'c', effectiveDate: '2024-12-01', placementType: 'T4' },
      { type: 'EndTemporaryPlacement', childId: 'c', effectiveDate: '2024-12-08' },
    ]);
    expect(starts).toEqual(['2024-06-01', '2024-08-01']);
  });

  it('Given two T3, When one is drawn 12 months after the first, Then it is a T3', () =>
    expect(typeOf(temporaryStay(alwaysT3, 'c', '2025-06-01', ['2024-06-01', '2024-08-01']))).toBe('T3'));

  it('Given stays drawn every 50 days for ten years, Then no three T3 start within 12 months', () => {
    const random = seededRandom('rule-377');
    const starts: string[] = [];
    const t3: string[] = [];
    for (let n = 0, date = '2015-01-05'; n < 73; n++, date = addDays(date, 50))
      if (typeOf(temporaryStay(random, 'c', date, starts)) === 'T3') t3.push(date);
    expect(t3.length).toBeGreaterThan(10);
    for (let i = 0; i + 2 < t3.length; i++) expect(t3[i + 2] >= addMonths(t3[i], 12)).toBe(true);
  });
});
