import { html, type HtmlValue, type SafeHtml } from './html';

/** One message to show against a form field (GOV.UK error summary + inline error). */
export interface FieldMessage {
  /** Input id the summary links to. */
  fieldId: string;
  message: string;
  /** The rule broken, where a caller outside the page needs it (e.g. a refused CSV download). */
  rule?: string;
  /** The input named in a refused download's 400, when it is not `fieldId` (an unknown parameter). */
  field?: string;
}

/** A summary line: one without a field id is about the form as a whole, shown without a link. */
export type SummaryMessage = Omit<FieldMessage, 'fieldId'> & { fieldId?: string };

export function errorSummary(errors: readonly SummaryMessage[]): SafeHtml {
  if (errors.length === 0) return html``;
  return html`<div class="govuk-error-summary" data-module="govuk-error-summary">
    <div role="alert">
      <h2 class="govuk-error-summary__title">There is a problem</h2>
      <div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">
        ${errors.map((e) => (e.fieldId === undefined ? html`<li>${e.message}</li>` : html`<li><a href="#${e.fieldId}">${e.message}</a></li>`))}
      </ul></div>
    </div>
  </div>`;
}

export const inlineError = (id: string, messages: readonly string[]): SafeHtml =>
  messages.length === 0
    ? html``
    : html`<p id="${id}-error" class="govuk-error-message">${messages.map((m, i) => html`${i > 0 ? html`<br>` : ''}<span class="govuk-visually-hidden">Error:</span> ${m}`)}</p>`;

export const hint = (id: string, text: string | undefined): SafeHtml =>
  text ? html`<div id="${id}-hint" class="govuk-hint">${text}</div>` : html``;

export const describedBy = (id: string, hasHint: boolean, hasError: boolean): string =>
  [hasHint ? `${id}-hint` : '', hasError ? `${id}-error` : ''].filter(Boolean).join(' ');

/** A GOV.UK text input of a form that may show errors beside its fields. */
export interface TextInputSpec {
  id: string;
  value: string;
  /** Its width class, e.g. govuk-input--width-10. */
  width: string;
  /** It has a hint, `${id}-hint`. */
  hint: boolean;
  /** It has an error shown beside it, `${id}-error`: a red border, and read with the field. */
  error: boolean;
  inputmode?: 'numeric';
}

/**
 * The input of one text field: its description is its hint and, when it has one, its error (so a
 * screen reader user taken to it from the error summary hears what is wrong), as GOV.UK's does.
 */
export function textInput(spec: TextInputSpec): SafeHtml {
  const ids = describedBy(spec.id, spec.hint, spec.error);
  return html`<input class="govuk-input ${spec.width}${spec.error ? ' govuk-input--error' : ''}" id="${spec.id}" name="${spec.id}" type="text"${spec.inputmode ? html` inputmode="${spec.inputmode}"` : ''} value="${spec.value}"${ids ? html` aria-describedby="${ids}"` : ''}>`;
}

export interface Option {
  value: string;
  text: string;
}

export function selectOptions(
  options: readonly Option[],
  selected: string | undefined,
  emptyText?: string,
): SafeHtml {
  return html`${emptyText !== undefined ? html`<option value="">${emptyText}</option>` : ''}${options.map(
    (o) => html`<option value="${o.value}"${o.value === selected ? html` selected` : ''}>${o.text}</option>`,
  )}`;
}

/** A GOV.UK tag; `colour` is decoration only, the text always says what it means. */
export const tag = (
  text: string,
  colour?: 'red' | 'orange' | 'yellow' | 'green' | 'blue' | 'grey' | 'purple',
): SafeHtml => html`<strong class="govuk-tag${colour ? ` govuk-tag--${colour}` : ''}">${text}</strong>`;

export const summaryList = (rows: readonly [string, HtmlValue][]): SafeHtml =>
  html`<dl class="govuk-summary-list">${rows.map(
    ([key, value]) =>
      html`<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">${key}</dt><dd class="govuk-summary-list__value">${value}</dd></div>`,
  )}</dl>`;

export const backLink = (href: string, text = 'Back'): SafeHtml =>
  html`<a href="${href}" class="govuk-back-link">${text}</a>`;

/**
 * A wide table in its own scrolling area, so at 320 px (400% zoom) the table scrolls sideways and
 * the page does not: focusable, so a keyboard user can scroll it, and named by the table's caption
 * (`${tableId}-caption`).
 */
export const scrollingTable = (tableId: string, table: SafeHtml): SafeHtml =>
  html`<div class="cj-table-scroll" role="region" tabindex="0" aria-labelledby="${tableId}-caption">${table}</div>`;
