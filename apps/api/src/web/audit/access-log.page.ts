import type { AccessLogFilter } from '@care-journey/audit';
import type { AccessLogPage, PositionedAccessLogEntry } from '../../audit/access-log.service';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import {
  errorSummary,
  inlineError,
  tag,
  textInput,
  type FieldMessage,
  type SummaryMessage,
  scrollingTable,
} from '../html/components';
import { formatDate, formatInstant, plural } from '../html/format';
import { html, type SafeHtml } from '../html/html';
import { page } from '../html/layout';
import { driftReplayUrl, queryWords, roleWords, viewWords } from './access-log-words';
import { ACCESS_LOG_LABELS, accessLogUrl, type AccessLogPageQuery } from './access-log.query';

export interface AccessLogPageModel {
  user: AuthenticatedUser;
  csrfToken: string;
  query: AccessLogPageQuery;
  /** Absent when the form has an error: the trail is not read. */
  trail?: AccessLogPage;
  /** Entries the CSV holds at most (the controller's bound), said beside its link. */
  csvMaxEntries: number;
}

const childTrailUrl = (childId: string) => accessLogUrl({ childId });

function field(query: AccessLogPageQuery, id: string, label: string, hintText: string, control: SafeHtml) {
  const messages = query.errors.filter((e) => e.fieldId === id).map((e) => e.message);
  return html`<div class="govuk-form-group cj-filter${messages.length ? ' govuk-form-group--error' : ''}">
    <label class="govuk-label govuk-label--s" for="${id}">${label}</label>
    <div id="${id}-hint" class="govuk-hint">${hintText}</div>${inlineError(id, messages)}${control}</div>`;
}

function form(query: AccessLogPageQuery): SafeHtml {
  const r = query.raw;
  const input = (id: string, width: string, value: string) =>
    textInput({ id, value, width, hint: true, error: query.errors.some((e) => e.fieldId === id) });
  return html`<form method="get" action="/panel/audit/access-log" id="access-log-form" class="cj-filters" novalidate aria-label="Choose which reads to list">
    <div class="cj-filters__grid">
      ${field(query, 'childId', ACCESS_LOG_LABELS.childId, "The child's id: their own reads and every list that named them; * for reads of many children", input('childId', 'govuk-input--width-20', r.childId))}
      ${field(query, 'readBy', ACCESS_LOG_LABELS.readBy, 'A user id, exactly as recorded, for example sw-015', input('readBy', 'govuk-input--width-10', r.readBy))}
      ${field(query, 'from', ACCESS_LOG_LABELS.from, 'First day of reads (UTC), for example 2026-11-01', input('from', 'govuk-input--width-10', r.from))}
      ${field(query, 'to', ACCESS_LOG_LABELS.to, 'Last day of reads (UTC), for example 2026-11-27', input('to', 'govuk-input--width-10', r.to))}
    </div>
    <div class="govuk-button-group"><button type="submit" class="govuk-button" data-module="govuk-button">Show the reads</button>
      <a class="govuk-link" href="/panel/audit/access-log">Clear the filters</a></div>
  </form>`;
}

function childCell(entry: PositionedAccessLogEntry, filter: AccessLogFilter): SafeHtml {
  if (entry.childIds !== undefined) {
    const named = plural(entry.childIds.length, 'child', 'children');
    const thisOne =
      filter.childId !== undefined && filter.childId !== '*' && entry.childIds.includes(filter.childId);
    return html`A list naming ${named}${thisOne ? html`, <strong>this child among them</strong>` : ''}`;
  }
  if (entry.childId === '*') return html`Many children`;
  return html`<a class="govuk-link" href="${childTrailUrl(entry.childId)}">${entry.childId}</a>`;
}

function whatCell(entry: PositionedAccessLogEntry): SafeHtml {
  const words = queryWords(entry);
  const replay = driftReplayUrl(entry);
  return html`${entry.view === 'refused' ? tag(viewWords(entry.view), 'red') : html`<strong>${viewWords(entry.view)}</strong>`}
    ${entry.query?.route ? html`<br><code class="cj-route">${entry.query.route}</code>` : ''}
    ${words.length ? html`<br><span class="govuk-body-s">${words.join(' · ')}</span>` : ''}
    ${entry.reason ? html`<br><span class="govuk-body-s">Reason given: ${entry.reason}</span>` : ''}
    ${replay ? html`<br><a class="govuk-link govuk-body-s" href="${replay}">The report as known at that moment</a>` : ''}`;
}

/**
 * A command-line read: who ran it as the host knows them (metadata `operator`), beside the `--by`
 * they typed, which is the reader shown above it (review s15 F10).
 */
function operatorWords(entry: PositionedAccessLogEntry): SafeHtml {
  if (!entry.operator) return html``;
  return html`<br><span class="govuk-body-s cj-operator">Run by OS account ${entry.operator.osUser} on ${entry.operator.host}</span>`;
}

function table(entries: readonly PositionedAccessLogEntry[], filter: AccessLogFilter): SafeHtml {
  return scrollingTable(
    'access-log-table',
    html`<table class="govuk-table" id="access-log-table">
    <caption class="govuk-table__caption govuk-table__caption--m" id="access-log-table-caption">Reads, oldest first (${plural(entries.length, 'entry', 'entries')} on this page)</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header">When</th><th scope="col" class="govuk-table__header">Reader</th>
      <th scope="col" class="govuk-table__header">What was read</th><th scope="col" class="govuk-table__header">Child</th></tr></thead>
    <tbody class="govuk-table__body">${entries.map(
      (e) => html`<tr class="govuk-table__row" data-position="${e.position}" data-view="${e.view}">
      <td class="govuk-table__cell">${formatInstant(e.readAt)}</td>
      <td class="govuk-table__cell"><a class="govuk-link" href="${accessLogUrl({ ...filter, readBy: e.readBy })}">${e.readBy}</a><br><span class="govuk-body-s cj-muted">${roleWords(e.role)}</span>${operatorWords(e)}</td>
      <td class="govuk-table__cell">${whatCell(e)}</td>
      <td class="govuk-table__cell">${childCell(e, filter)}</td></tr>`,
    )}</tbody></table>`,
  );
}

function paging(query: AccessLogPageQuery, trail: AccessLogPage): SafeHtml {
  if (!trail.next && !query.after) return html``;
  return html`<nav class="govuk-pagination" aria-label="Pages of the trail">
    ${query.after ? html`<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="${accessLogUrl(query.filter)}"><span class="govuk-pagination__link-title">First page</span></a></div>` : ''}
    ${trail.next ? html`<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="${accessLogUrl(query.filter, trail.next)}" rel="next"><span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span></a></div>` : ''}
  </nav>`;
}

function filterWords(filter: AccessLogFilter): string {
  const parts = [
    filter.childId === '*' ? 'of many children at once' : filter.childId ? `of child ${filter.childId}` : '',
    filter.readBy ? `by ${filter.readBy}` : '',
    filter.from ? `from ${formatDate(filter.from)}` : '',
    filter.to ? `to ${formatDate(filter.to)}` : '',
  ].filter(Boolean);
  return parts.length ? `Reads ${parts.join(' ')}` : 'Every read';
}

function results(model: AccessLogPageModel): SafeHtml {
  const { query, trail } = model;
  if (!trail) return html``;
  const { childId } = query.filter;
  return html`<p class="govuk-body-l" id="access-log-summary">${filterWords(query.filter)}${query.after ? ', after position ' + query.after : ''}.</p>
    ${childId && childId !== '*' ? html`<p class="govuk-body"><a class="govuk-link" href="/panel/children/${encodeURIComponent(childId)}">Open the child's page</a> (your read of it is recorded too).</p>` : ''}
    <p class="govuk-body"><a class="govuk-link" id="access-log-csv" href="${accessLogUrl(query.filter, query.after, '/panel/audit/access-log.csv')}" download>Download these reads as CSV</a>
      <span class="govuk-body-s cj-muted">(from this page on, up to ${model.csvMaxEntries.toLocaleString('en-GB')} entries; a longer file continues from the address in its Link header)</span></p>
    ${trail.entries.length === 0 ? html`<p class="govuk-body govuk-!-font-weight-bold" id="no-results">${trail.next ? 'No read matched in this part of the trail: the next page goes on looking.' : 'No read matched.'}</p>` : table(trail.entries, query.filter)}
    ${paging(query, trail)}`;
}

/** The form's fields; any other parameter (the position, `after`) is in the page address, not on the form. */
const FORM_FIELDS: readonly string[] = ['childId', 'readBy', 'from', 'to'];

/** A summary line links to its field when the form has it; otherwise it is shown without a link. */
const linkedToTheForm = (error: FieldMessage): SummaryMessage =>
  FORM_FIELDS.includes(error.fieldId) ? error : { ...error, fieldId: undefined };

export function accessLogPage(model: AccessLogPageModel): SafeHtml {
  const child = model.query.filter.childId;
  const title = child && child !== '*' ? 'Who read this child' : 'Read-access trail';
  const content = html`
    ${errorSummary(model.query.errors.map(linkedToTheForm))}
    <span class="govuk-caption-l">Audit</span>
    <h1 class="govuk-heading-l">${title}</h1>
    <p class="govuk-body">Every read of a child's record is kept in the event log: who read it, when, which page or route, and what they asked for. A list (a search, the drift report, a measure's children) is a read of every child it named. Children are shown by id, never by name; the trail itself cannot be changed.</p>
    ${form(model.query)}
    ${results(model)}`;
  return page({
    title,
    content,
    user: model.user,
    active: 'access-log',
    csrfToken: model.csrfToken,
    hasErrors: model.query.errors.length > 0,
  });
}
