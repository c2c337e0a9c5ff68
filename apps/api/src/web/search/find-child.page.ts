import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { childHrefFromSearch } from '../child/back-link';
import { errorSummary, inlineError, scrollingTable } from '../html/components';
import { formatDate } from '../html/format';
import { html, type SafeHtml } from '../html/html';
import { page } from '../html/layout';
import { pagination, type PageOf } from '../html/pagination';
import type { FoundChild } from '../../children/queries/find-children';
import { findChildUrl, MAX_SEARCH_LENGTH, type FindChildQuery } from './find-child.query';

export interface FindChildPageModel {
  user: AuthenticatedUser;
  csrfToken: string;
  query: FindChildQuery;
  /** The search sealed for this session (search-token.ts): what the page's links carry, never the words. */
  searchToken: string;
  list: PageOf<FoundChild>;
  /** Social workers and admins see the "Register a child" button. */
  mayRegister: boolean;
}

const cell = (content: SafeHtml | string): SafeHtml => html`<td class="govuk-table__cell">${content}</td>`;

function results({ query, list, searchToken }: FindChildPageModel): SafeHtml {
  if (list.total === 0)
    return html`<p class="govuk-body govuk-!-font-weight-bold" id="no-results">${
      query.text ? `No child’s name or 903 reference matches “${query.text}”.` : 'No child is registered yet.'
    }</p>`;
  const caption = query.text
    ? `${list.total.toLocaleString('en-GB')} ${list.total === 1 ? 'child matches' : 'children match'} “${query.text}”`
    : `All ${list.total.toLocaleString('en-GB')} children`;
  return scrollingTable(
    'children-table',
    html`<table class="govuk-table" id="children-table">
    <caption class="govuk-table__caption govuk-table__caption--m" id="children-table-caption">${caption}<span class="govuk-caption-m">Showing ${list.first.toLocaleString('en-GB')} to ${(list.first + list.items.length - 1).toLocaleString('en-GB')}</span></caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header">Child</th><th scope="col" class="govuk-table__header">Date of birth</th>
      <th scope="col" class="govuk-table__header">Looked after today</th><th scope="col" class="govuk-table__header">Team</th>
      <th scope="col" class="govuk-table__header">Social worker</th></tr></thead>
    <tbody class="govuk-table__body">${list.items.map(
      (c) => html`<tr class="govuk-table__row" data-child="${c.childId}">
        ${cell(html`<a class="govuk-link" href="${childHrefFromSearch(c.childId, searchToken)}">${c.name || c.childRef}</a><br><span class="govuk-body-s cj-muted">${c.childRef}</span>`)}
        ${cell(c.dateOfBirth ? formatDate(c.dateOfBirth) : 'Not known')}
        ${cell(c.lookedAfterSince ? `Yes, since ${formatDate(c.lookedAfterSince)}` : 'No')}
        ${cell(c.team ?? 'Not allocated')}${cell(c.socialWorker ?? 'Not allocated')}</tr>`,
    )}</tbody></table>`,
  );
}

/** Find any registered child by name or 903 reference, flagged or not. */
export function findChildPage(model: FindChildPageModel): SafeHtml {
  const { query, list } = model;
  const messages = query.errors.filter((e) => e.fieldId === 'q').map((e) => e.message);
  const content = html`${errorSummary(query.errors)}
    <h1 class="govuk-heading-l">Find a child</h1>
    ${model.mayRegister ? html`<p class="govuk-body"><a class="govuk-button govuk-button--secondary" id="register-child" href="/panel/children/new" data-module="govuk-button">Register a child</a></p>` : ''}
    <form method="post" action="/panel/children" id="find-child" novalidate role="search" aria-label="Find a child">
      <input type="hidden" name="_csrf" value="${model.csrfToken}">
      <div class="govuk-form-group${messages.length ? ' govuk-form-group--error' : ''}">
        <label class="govuk-label govuk-label--s" for="q">Name or 903 child reference</label>
        <div id="q-hint" class="govuk-hint">Part of a name (“sam tay” finds Sam Taylor) or of the reference. Leave blank to list every child</div>
        ${inlineError('q', messages)}
        <input class="govuk-input govuk-input--width-30${messages.length ? ' govuk-input--error' : ''}" id="q" name="q" type="search" maxlength="${MAX_SEARCH_LENGTH * 2}" value="${query.raw.q}" aria-describedby="q-hint${messages.length ? ' q-error' : ''}" autocomplete="off" spellcheck="false">
      </div>
      <button type="submit" class="govuk-button" data-module="govuk-button">Search</button>
    </form>
    ${results(model)}
    ${pagination(list, (p) => findChildUrl(model.searchToken, p), 'Pages of children')}`;
  return page({
    title: 'Find a child',
    content,
    user: model.user,
    active: 'children',
    csrfToken: model.csrfToken,
    hasErrors: query.errors.length > 0,
  });
}
