/**
 * The fold copies its objects with Object.assign onto a fresh object instead of a spread (#9: the
 * spreads gave nearly every folded state a hidden class of its own, so every read of one was
 * megamorphic). A copy must still be exactly the spread's: the same keys in the same order (JSON
 * and Object.keys), the same values (undefined included), and the object copied from untouched.
 */
import { evolve, evolveAll } from '../evolve';
import type { StoredJourneyEvent } from '../events';
import { initialState } from '../state';
import { stored } from '../testing/decider-specification';
import { CHILD, careEnded, inCare, placementChanged, reviewHeld, step } from '../testing/fixtures';
import { changed } from './apply-event';
import { listsOf } from './journey-log';
import { closeLastOpen } from './list-helpers';

/** Keys in order and values, undefined ones included (JSON alone would drop them). */
const shapeOf = (value: object): [string, unknown][] => Object.entries(value);

describe('the fold copies with the spread’s keys, order and values', () => {
  const lists = listsOf(evolveAll(stored([...inCare, reviewHeld('2024-06-01')])));

  it('Given folded lists, When a held field is replaced, Then the copy is the spread’s: the key keeps its place', () => {
    const reviews = [...lists.reviews];
    const copy = changed(lists, { reviews });
    expect(shapeOf(copy)).toEqual(shapeOf({ ...lists, reviews }));
    expect(copy.reviews).toBe(reviews);
    expect(copy).not.toBe(lists);
  });

  it('Given lists without a field, When it is added (undefined too), Then it comes last, as in the spread', () => {
    const { lastEffectiveDate: _dropped, ...without } = lists;
    const added = changed(without, { lastEffectiveDate: '2025-01-01' });
    expect(Object.keys(added).at(-1)).toBe('lastEffectiveDate');
    expect(shapeOf(added)).toEqual(shapeOf({ ...without, lastEffectiveDate: '2025-01-01' }));
    const undefinedValue = changed(without, { lastEffectiveDate: undefined });
    expect(shapeOf(undefinedValue)).toEqual(shapeOf({ ...without, lastEffectiveDate: undefined }));
    expect('lastEffectiveDate' in undefinedValue).toBe(true);
  });

  it('Given lists, When they are copied, Then the lists copied from are unchanged', () => {
    const before = JSON.stringify(lists);
    const keys = Object.keys(lists);
    changed(lists, { reviews: [], registered: false });
    expect(JSON.stringify(lists)).toBe(before);
    expect(Object.keys(lists)).toEqual(keys);
  });

  it('Given an open spell, When it is closed with extra fields, Then the closed spell is the spread’s', () => {
    const open = [
      { startDate: '2024-01-01', endDate: '2024-02-01', kind: 'entry' },
      { startDate: '2024-02-01', kind: 'change', reasonForChange: undefined },
    ];
    const closed = closeLastOpen(open, '2024-03-01', { endReason: 'E11' } as Partial<(typeof open)[number]>);
    expect(shapeOf(closed[1])).toEqual(
      shapeOf({ ...open[1], endDate: '2024-03-01', ...{ endReason: 'E11' } }),
    );
    expect(closed[0]).toBe(open[0]);
    expect(open[1]).not.toHaveProperty('endDate');
  });

  it('Given journeys with placement changes and a temporary placement, When folded either way, Then every state’s keys and values are the same', () => {
    const events: StoredJourneyEvent[] = stored([
      ...inCare,
      placementChanged('2024-06-01'),
      {
        type: 'TemporaryPlacementStarted',
        data: { childId: CHILD, effectiveDate: '2024-07-01', placementType: 'T1' },
      },
      step('TemporaryPlacementEnded', '2024-07-10'),
      reviewHeld('2024-08-01'),
      careEnded('2024-09-01'),
    ]);
    const all = evolveAll(events);
    const oneByOne = events.reduce(evolve, initialState);
    expect(JSON.stringify(all)).toBe(JSON.stringify(oneByOne));
    expect(shapeOf(listsOf(all))).toEqual(shapeOf(listsOf(oneByOne)));
    // Each spell starts with its placement's fields (its own come after, as in the spread).
    expect(all.placements.map((spell) => spell.kind)).toEqual(['entry', 'change', 'temporary', 'return']);
    for (const spell of all.placements) {
      const keys = Object.keys(spell);
      expect(keys.indexOf('placementType')).toBeLessThan(keys.indexOf('startDate'));
      expect(keys.indexOf('startDate')).toBeLessThan(keys.indexOf('kind'));
    }
  });
});
