import { journeyDecider } from '@care-journey/journey';
import { FoldedJourneyCache, type FoldedJourney } from './folded-journey-cache';
import { NO_KEYED_OUTCOMES } from './keyed-outcomes';

const fold = (revision: bigint): FoldedJourney => ({
  state: journeyDecider.initialState,
  revision,
  globalPosition: revision,
  lastEventId: `e${revision}`,
  lastHash: 'h',
  tip: { streamId: 'journey-c1', nextRevision: revision + 1n, prevHash: 'h' },
  outcomes: NO_KEYED_OUTCOMES,
});

describe('FoldedJourneyCache', () => {
  it('offers a fold as current until an append went past it, and again once a newer fold is kept', () => {
    const cache = new FoldedJourneyCache(10);
    cache.set('c1', fold(3n));
    expect(cache.current('c1')?.revision).toBe(3n);
    cache.storedUpTo('c1', 5n);
    expect(cache.current('c1')).toBeUndefined();
    expect(cache.get('c1')?.revision).toBe(3n); // a load still reads on from it
    cache.set('c1', fold(4n));
    expect(cache.current('c1')).toBeUndefined(); // still behind revision 5
    cache.set('c1', fold(5n));
    expect(cache.current('c1')?.revision).toBe(5n);
  });

  it('keeps the newer fold and evicts the least recently used child', () => {
    const cache = new FoldedJourneyCache(2);
    cache.set('c1', fold(4n));
    cache.set('c1', fold(2n));
    expect(cache.get('c1')?.revision).toBe(4n);
    cache.set('c2', fold(1n));
    cache.get('c1');
    cache.set('c3', fold(1n));
    expect([cache.get('c1'), cache.get('c2'), cache.get('c3')].map((f) => f?.revision)).toEqual([
      4n,
      undefined,
      1n,
    ]);
    cache.storedUpTo('c2', 9n); // nothing kept for it: nothing to mark
    expect(cache.size).toBe(2);
  });
});
