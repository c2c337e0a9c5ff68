import { answerShape, slowestReader, type ReaderTimes } from './drift-api';

const reader = (name: ReaderTimes['reader'], p95: number): ReaderTimes => ({
  reader: name,
  p50: p95 / 2,
  p95,
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
});
