import { listReadEntries } from './list-read';

describe('listReadEntries', () => {
  it('Given a page of search results, Then one entry holds the route, the query and the ids shown', () => {
    expect(
      listReadEntries({
        view: 'search',
        route: '/children',
        query: { q: 'sam tay', page: 1, pageSize: 100, minPosition: undefined },
        childIds: ['c1', 'c2'],
      }),
    ).toEqual([
      {
        childId: '*',
        view: 'search',
        query: { route: '/children', q: 'sam tay', page: '1', pageSize: '100' },
        childIds: ['c1', 'c2'],
      },
    ]);
  });

  it('Given a search that found no one, Then one entry with no ids (the search itself is kept)', () => {
    expect(
      listReadEntries({ view: 'search', route: '/panel/children', query: { q: 'zz' }, childIds: [] }),
    ).toEqual([{ childId: '*', view: 'search', query: { route: '/panel/children', q: 'zz' }, childIds: [] }]);
  });

  it('Given lists as filters and empty values, Then lists are comma-joined and empty values left out', () => {
    const [entry] = listReadEntries({
      view: 'drift',
      route: '/drift-report',
      query: { rule: ['DR01', 'DR05'], team: '', asAt: '2024-03-31' },
      childIds: ['c1'],
    });
    expect(entry.query).toEqual({ route: '/drift-report', rule: 'DR01,DR05', asAt: '2024-03-31' });
  });

  it('Given more ids than an entry holds, Then they are split in order over marked parts, none dropped', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const entries = listReadEntries(
      { view: 'drift', route: '/panel/drift.csv', query: {}, childIds: ids },
      2,
    );
    expect(entries.map((e) => e.childIds)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(entries.map((e) => e.query?.part)).toEqual(['1/3', '2/3', '3/3']);
  });
});
