import { searchTermHash, searchWithoutUnmatchedTerm } from './search-term';

const key = { keyId: 'k1', secret: Buffer.from('s'.repeat(40)) };
const search = (childIds: string[], q = 'Jane Doe') => ({
  view: 'search' as const,
  route: '/children',
  query: { q, page: 1 },
  childIds,
});

describe('what the trail keeps of a search (review s15 F12)', () => {
  it('Given a search that found no one, Then its words are replaced by their keyed hash and the key id', () => {
    const kept = searchWithoutUnmatchedTerm(search([]), key);
    expect(kept.query).toEqual({ page: 1, qHash: searchTermHash('Jane Doe', key), qKeyId: 'k1' });
    expect(JSON.stringify(kept).toLowerCase()).not.toContain('jane');
  });

  it('Given a search that named children, Then its words are kept (they matched the record)', () =>
    expect(searchWithoutUnmatchedTerm(search(['c1']), key)).toEqual(search(['c1'])));

  it('Given other lists, or a blank search (every child), Then nothing changes', () => {
    const drift = { view: 'drift' as const, route: '/drift-report', query: { q: 'x' }, childIds: [] };
    expect(searchWithoutUnmatchedTerm(drift, key)).toBe(drift);
    expect(searchWithoutUnmatchedTerm(search([], ''), key)).toEqual(search([], ''));
  });

  it('Given the same words in another case or spacing, Then the same hash; another key or term, another', () => {
    expect(searchTermHash('  jane   DOE ', key)).toBe(searchTermHash('Jane Doe', key));
    expect(searchTermHash('Jane Doe', key)).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    expect(searchTermHash('Jane Doe', { keyId: 'k2', secret: Buffer.from('t'.repeat(40)) })).not.toBe(
      searchTermHash('Jane Doe', key),
    );
    expect(searchTermHash('Jane Do', key)).not.toBe(searchTermHash('Jane Doe', key));
  });
});
