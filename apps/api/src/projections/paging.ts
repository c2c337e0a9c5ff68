/** One page of a long list, with the totals a client needs to fetch the rest. */
export interface Paging {
  page: number;
  pageSize: number;
  /** Items in the whole list. */
  total: number;
  /** Pages in the whole list (0 for an empty list). */
  pages: number;
}

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 1000;

export function pageOf<T>(
  items: readonly T[],
  page = 1,
  pageSize = DEFAULT_PAGE_SIZE,
): { items: T[]; paging: Paging } {
  const start = (page - 1) * pageSize;
  return {
    items: items.slice(start, start + pageSize),
    paging: { page, pageSize, total: items.length, pages: Math.ceil(items.length / pageSize) },
  };
}
