import { MAX_SEARCH_LENGTH } from '../../children/queries/find-children.query';
import type { FieldMessage } from '../html/components';
import { parsePageNumber } from '../html/pagination';
import { unknownPageParams } from '../reading/page-params';

export { MAX_SEARCH_LENGTH };

/** The address's parameter holding the sealed search (search-token.ts). */
export const SEARCH_PARAM = 's';

export interface FindChildQuery {
  /** What was typed, trimmed; empty lists every child. */
  text: string;
  page: number;
  errors: FieldMessage[];
  raw: { q: string; page: string };
}

const TOO_LONG = `Name or 903 reference must be ${MAX_SEARCH_LENGTH} characters or fewer`;
const NOT_OPENED = 'This search was made in another session, or you have signed out since: search again';

const valueOf = (source: Record<string, unknown>, name: string): string =>
  typeof source[name] === 'string' ? (source[name] as string).trim() : '';

function searchText(q: string, errors: FieldMessage[]): string {
  if (q.length <= MAX_SEARCH_LENGTH) return q;
  errors.push({ fieldId: 'q', message: TOO_LONG });
  return '';
}

/**
 * `/panel/children?s=<sealed search>&page=N` (the form's redirect and the result pages' links), or,
 * as before session 15, `?q=<words>` (an old bookmark: answered, though the words are in the address).
 * `open` unseals a search for this caller (search-token.ts).
 */
export function parseFindChildQuery(
  query: Record<string, unknown>,
  open: (token: string) => string | undefined = () => undefined,
): FindChildQuery {
  const errors = unknownPageParams(query, ['q', SEARCH_PARAM, 'page'], 'q');
  const token = valueOf(query, SEARCH_PARAM);
  let q = valueOf(query, 'q');
  if (token !== '') {
    const opened = open(token);
    if (opened === undefined) errors.push({ fieldId: 'q', message: NOT_OPENED });
    q = opened ?? '';
  }
  const raw = { q, page: valueOf(query, 'page') };
  const text = searchText(q, errors);
  const page = parsePageNumber(raw.page);
  if (page.error) errors.push({ fieldId: 'q', message: page.error });
  return { text, page: page.page, errors, raw };
}

/** The form sent by POST: `q` (its form token is the CSRF guard's; nothing else is read). */
export function parseFindChildForm(body: unknown): FindChildQuery {
  const fields = body !== null && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const errors: FieldMessage[] = [];
  const q = valueOf(fields, 'q');
  return { text: searchText(q, errors), page: 1, errors, raw: { q, page: '' } };
}

/** The address of a page of results: the search sealed (`token`), never its words. */
export const findChildUrl = (token: string, page = 1): string => {
  const params = new URLSearchParams();
  if (token) params.set(SEARCH_PARAM, token);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return `/panel/children${search ? `?${search}` : ''}`;
};
