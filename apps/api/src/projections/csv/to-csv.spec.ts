import { pageOf } from '../paging';
import { toCsv } from './to-csv';

describe('toCsv', () => {
  it('quotes as CSV and never lets a spreadsheet run a cell as a formula', () => {
    const csv = toCsv(
      ['a', 'b', 'c', 'd'],
      [
        ['=1+1', '+SUM(A1)', '-2', '@cmd'],
        ['x, y', 7, true, undefined],
      ],
    );
    expect(csv).toBe("a,b,c,d\n'=1+1,'+SUM(A1),'-2,'@cmd\n\"x, y\",7,true,\n");
  });

  it('leaves numbers as numbers (a negative number is data, not a formula)', () => {
    expect(toCsv(['n'], [[-3]])).toBe('n\n-3\n');
  });
});

describe('pageOf', () => {
  it('gives the page asked for and the totals', () => {
    expect(pageOf([1, 2, 3, 4, 5], 2, 2)).toEqual({
      items: [3, 4],
      paging: { page: 2, pageSize: 2, total: 5, pages: 3 },
    });
    expect(pageOf([1, 2], 3, 2)).toEqual({ items: [], paging: { page: 3, pageSize: 2, total: 2, pages: 1 } });
    expect(pageOf([]).paging).toEqual({ page: 1, pageSize: 100, total: 0, pages: 0 });
  });
});
