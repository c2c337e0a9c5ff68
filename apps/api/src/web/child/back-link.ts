/**
 * The child page's back link goes where the worker came from (frontline review F14): Find a child
 * links to a child with `found=<the search, sealed>` (web/search/search-token.ts: never the words
 * searched for, review s15 F8), so "Back to find a child" returns to the same results; anything else
 * (the drift report, a record form's redirect) goes back to the drift report.
 */
import { html, type SafeHtml } from '../html/html';
import { findChildUrl } from '../search/find-child.query';
import { MAX_SEARCH_TOKEN_LENGTH } from '../search/search-token';

/** The Find a child search a child page was opened from. */
export const FOUND_PARAM = 'found';

export interface BackLink {
  href: string;
  text: string;
  /** The search to carry on the page's own links (the replay form), when opened from Find a child. */
  found?: string;
}

export function backLinkFrom(query: Record<string, unknown>): BackLink {
  const found = query[FOUND_PARAM];
  if (typeof found !== 'string' || found.length > MAX_SEARCH_TOKEN_LENGTH || !/^[A-Za-z0-9_-]*$/.test(found))
    return { href: '/panel/drift', text: 'Drift report' };
  return { href: findChildUrl(found), text: 'Back to find a child', found };
}

/** Where Find a child links a child: its page, carrying the search sealed. */
export const childHrefFromSearch = (childId: string, search: string): string =>
  `/panel/children/${encodeURIComponent(childId)}?${FOUND_PARAM}=${encodeURIComponent(search)}`;

export const backLinkHtml = (back: BackLink): SafeHtml =>
  html`<a href="${back.href}" class="govuk-back-link" id="back-link">${back.text}</a>`;
