import { html, type SafeHtml } from './html';

export interface PageOf<T> {
  items: T[];
  /** 1-based, clamped to the pages there are. */
  page: number;
  pages: number;
  total: number;
  /** 1-based position of the first item shown (0 when there is none). */
  first: number;
}

/** One page of a list; a page past the end shows the last one. */
export function pageOfList<T>(all: readonly T[], page: number, pageSize: number): PageOf<T> {
  const pages = Math.max(1, Math.ceil(all.length / pageSize));
  const current = Math.min(Math.max(1, page), pages);
  const start = (current - 1) * pageSize;
  const items = all.slice(start, start + pageSize);
  return { items, page: current, pages, total: all.length, first: items.length ? start + 1 : 0 };
}

/**
 * GOV.UK pagination for a list page: previous, numbered pages (with gaps on long lists) and next.
 * `link` gives each page's address, with the rest of the page's settings kept.
 */
export function pagination(
  list: { page: number; pages: number },
  link: (page: number) => string,
  label: string,
): SafeHtml {
  if (list.pages <= 1) return html``;
  const shown = [...new Set([1, list.page - 1, list.page, list.page + 1, list.pages])]
    .filter((p) => p >= 1 && p <= list.pages)
    .sort((a, b) => a - b);
  const items = shown.flatMap((p, i) => {
    const gap =
      i > 0 && p - shown[i - 1] > 1
        ? [html`<li class="govuk-pagination__item govuk-pagination__item--ellipses">&ctdot;</li>`]
        : [];
    const current = p === list.page;
    return [
      ...gap,
      html`<li class="govuk-pagination__item${current ? ' govuk-pagination__item--current' : ''}"><a class="govuk-link govuk-pagination__link" href="${link(p)}" aria-label="Page ${p}"${current ? html` aria-current="page"` : ''}>${p}</a></li>`,
    ];
  });
  return html`<nav class="govuk-pagination" aria-label="${label}">
    ${list.page > 1 ? html`<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="${link(list.page - 1)}" rel="prev"><span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span></a></div>` : ''}
    <ul class="govuk-pagination__list">${items}</ul>
    ${list.page < list.pages ? html`<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="${link(list.page + 1)}" rel="next"><span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span></a></div>` : ''}
  </nav>`;
}

/** `?page=` as typed: a whole number from 1, else a message for the page's error summary. */
export function parsePageNumber(raw: string): { page: number; error?: string } {
  if (raw === '') return { page: 1 };
  if (/^\d{1,6}$/.test(raw) && Number(raw) >= 1) return { page: Number(raw) };
  return { page: 1, error: 'Page must be a whole number from 1, for example 2' };
}
