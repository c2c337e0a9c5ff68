import type { AuthenticatedUser } from '../../auth/authenticated-user';
import {
  errorSummary,
  inlineError,
  scrollingTable,
  tag,
  textInput,
  type FieldMessage,
  type SummaryMessage,
} from '../html/components';
import { codeText, formatDate, plural } from '../html/format';
import { html, type SafeHtml } from '../html/html';
import { page } from '../html/layout';
import { pagination } from '../html/pagination';
import { LEAVING_CARE_LABELS, leavingCareUrl, type LeavingCareQuery } from './leaving-care.query';
import type { LeavingCareView, WorklistPage, WorklistRow } from './leaving-care.view';

export interface LeavingCarePageModel {
  user: AuthenticatedUser;
  csrfToken: string;
  query: LeavingCareQuery;
  /** Absent when the form has an error: no list is read. */
  view?: LeavingCareView;
  /** The page of the view's rows shown (with the view). */
  shown?: WorklistPage;
}

/** The record form the child's page offers for the contact (record/form-definitions.ts). */
const CONTACT_FORM = 'care-leaver-contact';

const HINTS = {
  asAt: 'The day the list is for, for example 2026-03-31. Left blank: today',
  missedSince:
    'Left blank: from 1 April of the last collection year ended, whose 903 return may still be made',
} as const;

function field(query: LeavingCareQuery, id: 'asAt' | 'missedSince', value: string): SafeHtml {
  const messages = query.errors.filter((e) => e.fieldId === id).map((e) => e.message);
  return html`<div class="govuk-form-group cj-filter${messages.length ? ' govuk-form-group--error' : ''}">
    <label class="govuk-label govuk-label--s" for="${id}">${LEAVING_CARE_LABELS[id]}</label>
    <div id="${id}-hint" class="govuk-hint">${HINTS[id]}</div>${inlineError(id, messages)}
    ${textInput({ id, value, width: 'govuk-input--width-10', hint: true, error: messages.length > 0, inputmode: 'numeric' })}</div>`;
}

function form(query: LeavingCareQuery): SafeHtml {
  return html`<form method="get" action="/panel/leaving-care" id="leaving-care-form" class="cj-filters" novalidate aria-label="Choose the day and the missed contacts to list">
    <div class="cj-filters__grid">
      ${field(query, 'asAt', query.raw.asAt || query.asAt)}
      ${field(query, 'missedSince', query.raw.missedSince)}
    </div>
    <div class="govuk-button-group"><button type="submit" class="govuk-button" data-module="govuk-button">Show the contacts</button>
      <a class="govuk-link" href="/panel/leaving-care">Today's list</a></div>
  </form>`;
}

function statusCell(row: WorklistRow): SafeHtml {
  if (row.status === 'missed')
    return html`${tag('Missed', 'red')}<br><span class="govuk-body-s">${plural(row.days, 'day')} ago: the 903 OC3 row will be blank unless it is recorded</span>`;
  return html`${tag('Due', 'yellow')}<br><span class="govuk-body-s">${row.days === 0 ? 'Last day today' : `${plural(row.days, 'day')} left`}</span>`;
}

/**
 * When care ended and why, in the code list's words (as the child's page's "Care leaver" line). A row
 * can be listed before care ends: the contact's window opens three months before the birthday.
 */
const leftCareCell = ({ leftCare }: WorklistRow): SafeHtml =>
  leftCare
    ? html`${formatDate(leftCare.on)}<br><span class="govuk-body-s">${codeText('REC', leftCare.reason)}</span>`
    : html`Still looked after on this day`;

/** The latest contact's IN_TOUCH in words, and its day; none until the first is recorded. */
const lastContactCell = ({ lastContact }: WorklistRow): SafeHtml =>
  lastContact
    ? html`${codeText('IN_TOUCH', lastContact.inTouch)}<br><span class="govuk-body-s">${formatDate(lastContact.on)}</span>`
    : html`None recorded`;

/** Which rows of how many, when the list has more than one page. */
const rowsShown = (shown: WorklistPage): string =>
  shown.pages > 1 ? ` (${shown.first}–${shown.first + shown.items.length - 1} of ${shown.total})` : '';

function table(shown: WorklistPage, query: LeavingCareQuery): SafeHtml {
  const child = (row: WorklistRow) => `/panel/children/${encodeURIComponent(row.childId)}`;
  return scrollingTable(
    'leaving-care-table',
    html`<table class="govuk-table" id="leaving-care-table">
    <caption class="govuk-table__caption govuk-table__caption--m" id="leaving-care-table-caption">Care leavers' contacts for ${formatDate(query.asAt)}, missed ones first${rowsShown(shown)}</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header">Young person</th>
      <th scope="col" class="govuk-table__header">Date of birth</th>
      <th scope="col" class="govuk-table__header">Birthday the contact is for (age)</th>
      <th scope="col" class="govuk-table__header">Last day for the contact</th>
      <th scope="col" class="govuk-table__header">Status</th>
      <th scope="col" class="govuk-table__header">Left care</th>
      <th scope="col" class="govuk-table__header">Last contact (in touch)</th>
      <th scope="col" class="govuk-table__header">Record</th></tr></thead>
    <tbody class="govuk-table__body">${shown.items.map(
      (row) => html`<tr class="govuk-table__row" data-child="${row.childId}" data-status="${row.status}">
      <td class="govuk-table__cell"><a class="govuk-link" href="${child(row)}">${row.name || row.childRef}</a><br><span class="govuk-body-s cj-muted">${row.childRef}</span></td>
      <td class="govuk-table__cell">${formatDate(row.dateOfBirth)}</td>
      <td class="govuk-table__cell">${formatDate(row.birthday)} (${row.age})</td>
      <td class="govuk-table__cell">${formatDate(row.lastDay)}</td>
      <td class="govuk-table__cell">${statusCell(row)}</td>
      <td class="govuk-table__cell" data-column="left-care">${leftCareCell(row)}</td>
      <td class="govuk-table__cell" data-column="last-contact">${lastContactCell(row)}</td>
      <td class="govuk-table__cell"><a class="govuk-link" href="${child(row)}/record/${CONTACT_FORM}">Record the contact<span class="govuk-visually-hidden"> for ${row.name || row.childRef} at ${row.age}</span></a></td></tr>`,
    )}</tbody></table>`,
  );
}

function results(model: LeavingCarePageModel): SafeHtml {
  const { view, shown, query } = model;
  if (!view || !shown) return html``;
  return html`<p class="govuk-body-l" id="leaving-care-summary">By ${formatDate(query.asAt)}: <strong>${plural(view.due, 'contact')} due</strong> and <strong>${plural(view.missed, 'missed')}</strong> (birthdays from ${formatDate(query.missedSince)}), for ${plural(view.childIds.length, 'young person', 'young people')}.</p>
    <p class="govuk-body"><a class="govuk-link" id="leaving-care-csv" href="${leavingCareUrl(query, '/panel/leaving-care.csv')}" download>Download this list as CSV</a></p>
    ${view.rows.length === 0 ? html`<p class="govuk-body govuk-!-font-weight-bold" id="no-results">No care leaver has a contact due or missed by ${formatDate(query.asAt)}.</p>` : table(shown, query)}
    ${pagination(shown, (p) => leavingCareUrl(query, undefined, p), "Pages of care leavers' contacts")}`;
}

const FORM_FIELDS: readonly string[] = ['asAt', 'missedSince', 'leaving-care-form'];

/** A summary line links to its field when the form has it; otherwise it is shown without a link. */
const linkedToTheForm = (error: FieldMessage): SummaryMessage =>
  FORM_FIELDS.includes(error.fieldId) ? error : { ...error, fieldId: undefined };

/** The leaving care team's worklist: the care leavers whose 903 OC3 contact is due or missed. */
export function leavingCarePage(model: LeavingCarePageModel): SafeHtml {
  const content = html`
    ${errorSummary(model.query.errors.map(linkedToTheForm))}
    <span class="govuk-caption-l">Leaving care</span>
    <h1 class="govuk-heading-l">Care leavers' contacts due</h1>
    <p class="govuk-body">The young people the 903 asks about at their 17th to 21st birthdays (its OC3 table) whose contact for a birthday is not recorded yet. A contact can be recorded from three months before the birthday to three months after it (the last day); after that it is missed. Record it on the young person's page ("Care leaver contact").</p>
    ${form(model.query)}
    ${results(model)}`;
  return page({
    title: "Care leavers' contacts due",
    content,
    user: model.user,
    active: 'leaving-care',
    csrfToken: model.csrfToken,
    hasErrors: model.query.errors.length > 0,
  });
}
