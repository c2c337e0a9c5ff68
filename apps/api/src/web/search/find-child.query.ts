import { MAX_SEARCH_LENGTH } from '../../children/queries/find-children.query';
import type { FieldMessage } from '../html/components';
import { parsePageNumber } from '../html/pagination';
import { unknownPageParams } from '../reading/page-params';

export { MAX_SEARCH_LENGTH };

export interface FindChildQuery {
  /** What was typed, trimmed; empty lists every child. */
  text: string;
  page: number;
  errors: FieldMessage[];
  raw: { q: string; page: string };
}

/** `/panel/children?q=…&page=N`. */
export function parseFindChildQuery(query: Record<string, unknown>): FindChildQuery {
  const value = (name: string) => (typeof query[name] === 'string' ? (query[name] as string).trim() : '');
  const raw = { q: value('q'), page: value('page') };
  const errors = unknownPageParams(query, ['q', 'page'], 'q');
  let text = raw.q;
  if (text.length > MAX_SEARCH_LENGTH) {
    errors.push({
      fieldId: 'q',
      message: `Name or 903 reference must be ${MAX_SEARCH_LENGTH} characters or fewer`,
    });
    text = '';
  }
  const page = parsePageNumber(raw.page);
  if (page.error) errors.push({ fieldId: 'q', message: page.error });
  return { text, page: page.page, errors, raw };
}

/** The address of a page of results, the search kept. */
export const findChildUrl = (text: string, page = 1): string => {
  const params = new URLSearchParams();
  if (text) params.set('q', text);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return `/panel/children${search ? `?${search}` : ''}`;
};
