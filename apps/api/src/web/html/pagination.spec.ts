import { pageOfList, pagination, parsePageNumber } from './pagination';

describe('paging a list page', () => {
  const items = Array.from({ length: 120 }, (_, i) => i + 1);

  it('cuts one page, and shows the last page for a page past the end', () => {
    expect(pageOfList(items, 2, 50)).toMatchObject({ page: 2, pages: 3, total: 120, first: 51 });
    expect(pageOfList(items, 2, 50).items).toHaveLength(50);
    expect(pageOfList(items, 9, 50)).toMatchObject({ page: 3, first: 101 });
    expect(pageOfList([], 1, 50)).toMatchObject({ page: 1, pages: 1, total: 0, first: 0 });
  });

  it('links previous, next and nearby pages, with a gap on a long list', () => {
    const nav = pagination({ page: 5, pages: 10 }, (p) => `/x?page=${p}`, 'Pages').value;
    expect(nav).toContain('href="/x?page=4" rel="prev"');
    expect(nav).toContain('href="/x?page=6" rel="next"');
    expect(nav).toContain('aria-label="Page 5" aria-current="page"');
    expect(nav).toContain('govuk-pagination__item--ellipses');
    expect(pagination({ page: 1, pages: 1 }, () => '', 'Pages').value).toBe('');
  });

  it('reads ?page= as a whole number from 1', () => {
    expect(parsePageNumber('')).toEqual({ page: 1 });
    expect(parsePageNumber('3')).toEqual({ page: 3 });
    expect(parsePageNumber('-1').error).toBe('Page must be a whole number from 1, for example 2');
    expect(parsePageNumber('0').error).toBeDefined();
  });
});
