import { answerShape, changeFor, slowestReader, type ReaderTimes } from './drift-api';

const reader = (name: ReaderTimes['reader'], p95: number): ReaderTimes => ({
  reader: name,
  p50: p95 / 2,
  p95,
  repeatP95: p95 / 4,
  total: 2000,
  onPage: 50,
  bytes: 40_000,
});

describe('the drift report through the API (review s16 F12)', () => {
  it('Given a social worker at p95 38 ms and an admin at 52 ms, Then the admin’s p95 is judged (the goal must hold for every reader)', () => {
    expect(slowestReader([reader('social_worker', 38), reader('admin', 52)]).reader).toBe('admin');
    expect(slowestReader([reader('social_worker', 61), reader('admin', 52)]).p95).toBe(61);
  });

  it('Given no readers, Then it is refused', () => {
    expect(() => slowestReader([])).toThrow('no readers');
  });

  it('Given the API’s answer, Then the children in the report and on the page are read from it', () => {
    const body = JSON.stringify({ children: [{ childId: 'a' }, { childId: 'b' }], paging: { total: 1890 } });
    expect(answerShape(body)).toEqual({ total: 1890, onPage: 2 });
  });

  it('Given an answer without children or paging, Then it is refused, not counted as a report', () => {
    expect(() => answerShape('{"error":"Forbidden"}')).toThrow(
      'the drift report\'s answer has no children or paging.total: {"error":"Forbidden"}',
    );
  });

  it('Given three open children, When rounds change the report, Then each round reviews the next child, a day later once every child has had one, PN0 exactly for a child under 4', () => {
    const open = [
      { childId: 'a', dateOfBirth: '2010-05-01' },
      { childId: 'b', dateOfBirth: '2022-01-01' },
      { childId: 'c' },
    ];
    expect(changeFor(open, 0)).toEqual({
      path: '/children/a/reviews',
      body: { effectiveDate: '2025-04-01', participation: 'PN1' },
    });
    expect(changeFor(open, 1)).toEqual({
      path: '/children/b/reviews',
      body: { effectiveDate: '2025-04-01', participation: 'PN0' },
    });
    expect(changeFor(open, 2).path).toBe('/children/c/reviews');
    expect(changeFor(open, 3)).toEqual({
      path: '/children/a/reviews',
      body: { effectiveDate: '2025-04-02', participation: 'PN1' },
    });
    expect(() => changeFor([], 0)).toThrow('no open children to change');
  });
});
