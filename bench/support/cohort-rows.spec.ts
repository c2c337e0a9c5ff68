import { byRevision, byStream, expectedBefore, inGroups, type InsertRow } from './cohort-rows';

describe('inGroups', () => {
  it('Given 5 items in groups of 2, Then it yields [1,2], [3,4], [5]', () => {
    expect([...inGroups([1, 2, 3, 4, 5], 2)]).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('Given an exact multiple or nothing, Then no empty group is yielded', () => {
    expect([...inGroups([1, 2], 2)]).toEqual([[1, 2]]);
    expect([...inGroups([], 3)]).toEqual([]);
  });

  it('Given a size below 1, Then it refuses', () => {
    expect(() => [...inGroups([1], 0)]).toThrow(RangeError);
  });
});

const row = (stream: string, revision: number): InsertRow => [
  stream,
  revision,
  `${stream}-${revision}`,
  'T',
  '{}',
  '{}',
];

describe('child-shaped rows (review s16 F6)', () => {
  it('Given rows in log order, child by child, Then byStream yields one array per child', () => {
    const rows = [row('a', 0), row('a', 1), row('b', 0), row('c', 0), row('c', 1)];
    expect([...byStream(rows)]).toEqual([[rows[0], rows[1]], [rows[2]], [rows[3], rows[4]]]);
    expect([...byStream([])]).toEqual([]);
  });

  it('Given children of 3, 1 and 2 events, Then byRevision interleaves them as a live log: every first event, then every second …', () => {
    expect(byRevision([['a0', 'a1', 'a2'], ['b0'], ['c0', 'c1']])).toEqual([
      ['a0', 'b0', 'c0'],
      ['a1', 'c1'],
      ['a2'],
    ]);
    expect(byRevision([])).toEqual([]);
  });

  it('Given an event at revision 0, Then its append expects no stream; at revision 5, Then revision 4', () => {
    expect(expectedBefore(0)).toBe('no_stream');
    expect(expectedBefore(5)).toBe(4n);
  });
});
