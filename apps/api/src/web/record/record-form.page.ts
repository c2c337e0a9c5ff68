import { codesOf, findCode } from '@care-journey/journey';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import {
  describedBy,
  errorSummary,
  hint,
  inlineError,
  selectOptions,
  type SummaryMessage,
} from '../html/components';
import { html, type SafeHtml } from '../html/html';
import { page } from '../html/layout';
import { inputId, type FormField, type RecordForm } from './form-definitions';
import { inFormWords, type PlacedFormError } from './form-error-words';
import { FORM_KEY_FIELD } from './form-idempotency-key';

export interface FormError {
  /** Field name (dotted path) the message belongs to; none for a refusal of the entry as a whole. */
  field?: string;
  message: string;
}

/** Why a whole form (not one of its fields) was refused; nothing was recorded in each case. */
export type FormRefusal =
  /** The child changed after the form was opened. */
  | { kind: 'stale' }
  /** The form's key already recorded other answers (the API's message). */
  | { kind: 'key-reused'; message: string }
  /** The form came without a usable key. */
  | { kind: 'key-invalid'; message: string }
  /** The form's token was of an earlier session (signed in again since it was opened). */
  | { kind: 'session-changed' };

export interface RecordFormPageModel {
  user: AuthenticatedUser;
  csrfToken: string;
  childId: string;
  childLabel: string;
  /** The page title names the child by reference: titles stay in browser history (review s15 F14). */
  childRef: string;
  form: RecordForm;
  values: Record<string, string>;
  errors: readonly FormError[];
  /** The journey revision the form is filled in against; sent back as If-Match. */
  revision: string;
  /** This form's Idempotency-Key: sending the same form again records it once. */
  idempotencyKey: string;
  /** Set when the whole form was refused and nothing was recorded. */
  refusal?: FormRefusal;
  /** A correction's entry: sent back in the form's `target` field, and described above the answers. */
  entry?: { id: string; description: string };
}

/** The entry a correction is about, in words, and its id in the hidden field the API takes. */
function correctedEntry(form: RecordForm, entry: { id: string; description: string } | undefined): SafeHtml {
  if (!form.target || !entry) return html``;
  return html`<input type="hidden" name="${form.target}" value="${entry.id}">
    <dl class="govuk-summary-list" id="corrected-entry"><div class="govuk-summary-list__row">
      <dt class="govuk-summary-list__key">Entry</dt><dd class="govuk-summary-list__value">${entry.description}</dd></div></dl>`;
}

/** Not a field's fault, so no field link: the journey moved on under the form. */
function staleSummary(childHref: string): SafeHtml {
  return html`<div class="govuk-error-summary" data-module="govuk-error-summary" id="stale-form">
    <div role="alert">
      <h2 class="govuk-error-summary__title">Nothing was recorded: the child's journey changed</h2>
      <div class="govuk-error-summary__body"><p class="govuk-body">Someone recorded another entry for this child after you opened this form.
        <a class="govuk-link" href="${childHref}" target="_blank" rel="noopener">Check the child's journey (opens in a new tab)</a>,
        then record this again below if it is still right.</p></div>
    </div>
  </div>`;
}

/** The form's key already recorded something else for this child: say so in the API's words. */
function keyReusedSummary(childHref: string, message: string): SafeHtml {
  return html`<div class="govuk-error-summary" data-module="govuk-error-summary" id="key-reused-form">
    <div role="alert">
      <h2 class="govuk-error-summary__title">Nothing was recorded: this form was already recorded with other answers</h2>
      <div class="govuk-error-summary__body"><p class="govuk-body">${message}</p>
        <p class="govuk-body">The answers this form was first sent with are on the child's journey.
        <a class="govuk-link" href="${childHref}" target="_blank" rel="noopener">Check the child's journey (opens in a new tab)</a>,
        then record these answers below only if they are a separate entry.</p></div>
    </div>
  </div>`;
}

/** No usable key: the form could not be told apart from a repeat of itself, so it was not sent. */
function keyInvalidSummary(message: string): SafeHtml {
  return html`<div class="govuk-error-summary" data-module="govuk-error-summary" id="form-key-refused">
    <div role="alert">
      <h2 class="govuk-error-summary__title">Nothing was recorded: this form could not be checked for repeats</h2>
      <div class="govuk-error-summary__body"><p class="govuk-body">${message}.</p>
        <p class="govuk-body">Each form carries a one-time key, so that sending it twice records it once.
        Check your answers below, then send the form again.</p></div>
    </div>
  </div>`;
}

/** Signed in again since the form was opened: its token was not this session's, so it was not sent. */
function sessionChangedSummary(): SafeHtml {
  return html`<div class="govuk-error-summary" data-module="govuk-error-summary" id="session-changed-form">
    <div role="alert">
      <h2 class="govuk-error-summary__title">Your session changed: check the answers and send again</h2>
      <div class="govuk-error-summary__body"><p class="govuk-body">Nothing was recorded. You signed in again
        (perhaps in another tab) after this form was opened, so it could not be checked as coming from you.</p>
        <p class="govuk-body">Your answers are below. Check them, then send the form again.</p></div>
    </div>
  </div>`;
}

export function refusalSummary(refusal: FormRefusal, childHref: string): SafeHtml {
  switch (refusal.kind) {
    case 'stale':
      return staleSummary(childHref);
    case 'key-reused':
      return keyReusedSummary(childHref, refusal.message);
    case 'key-invalid':
      return keyInvalidSummary(refusal.message);
    case 'session-changed':
      return sessionChangedSummary();
  }
}

function control(field: FormField, value: string, id: string, aria: string, hasError: boolean): SafeHtml {
  const describe = aria ? html` aria-describedby="${aria}"` : '';
  const errorClass = (base: string) => `${base}${hasError ? ` ${base}--error` : ''}`;
  switch (field.kind) {
    case 'date':
      return html`<input class="${errorClass('govuk-input')} govuk-input--width-10" id="${id}" name="${field.name}" type="text" inputmode="numeric" value="${value}"${describe}>`;
    case 'text':
      return html`<input class="${errorClass('govuk-input')} govuk-input--width-${field.width ?? 20}" id="${id}" name="${field.name}" type="text"${field.numeric ? html` inputmode="numeric"` : ''} value="${value}"${describe}>`;
    case 'textarea':
      return html`<textarea class="${errorClass('govuk-textarea')}" id="${id}" name="${field.name}" rows="3"${describe}>${value}</textarea>`;
    case 'code': {
      const codes = field.only ?? codesOf(field.list);
      const options = codes.map((code) => ({
        value: code,
        text: `${code}: ${findCode(field.list, code)?.meaning ?? ''}`,
      }));
      return html`<select class="${errorClass('govuk-select')}" id="${id}" name="${field.name}"${describe}>${selectOptions(options, value, field.kind === 'code' && field.optional ? 'None' : 'Choose')}</select>`;
    }
    case 'select':
      return html`<select class="${errorClass('govuk-select')}" id="${id}" name="${field.name}"${describe}>${selectOptions(field.choices, value, 'Choose')}</select>`;
    case 'boolean':
    case 'choice': {
      const choices =
        field.kind === 'boolean'
          ? [
              { value: 'true', text: 'Yes' },
              { value: 'false', text: 'No' },
              ...(field.blankChoice ? [{ value: '', text: field.blankChoice }] : []),
            ]
          : field.choices;
      return html`<div class="govuk-radios${choices.length <= 2 ? ' govuk-radios--inline' : ''}" data-module="govuk-radios">${choices.map(
        (c, i) => {
          const choiceId = i === 0 ? id : `${id}-${i + 1}`;
          return html`<div class="govuk-radios__item"><input class="govuk-radios__input" id="${choiceId}" name="${field.name}" type="radio" value="${c.value}"${c.value === value ? html` checked` : ''}>
          <label class="govuk-label govuk-radios__label" for="${choiceId}">${c.text}</label></div>`;
        },
      )}</div>`;
    }
  }
}

export function fieldGroup(field: FormField, value: string, errors: readonly PlacedFormError[]): SafeHtml {
  const id = inputId(field.name);
  const messages = errors.filter((e) => e.field === field.name).map((e) => e.message);
  const aria = describedBy(id, Boolean(field.hint), messages.length > 0);
  const optional = 'optional' in field && field.optional ? ' (optional)' : '';
  const group = `govuk-form-group${messages.length ? ' govuk-form-group--error' : ''}`;
  if (field.kind === 'boolean' || field.kind === 'choice') {
    return html`<div class="${group}"><fieldset class="govuk-fieldset"${aria ? html` aria-describedby="${aria}"` : ''}>
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${field.label}${optional}</legend>
      ${hint(id, field.hint)}${inlineError(id, messages)}${control(field, value, id, '', messages.length > 0)}</fieldset></div>`;
  }
  return html`<div class="${group}"><label class="govuk-label govuk-label--s" for="${id}">${field.label}${optional}</label>
    ${hint(id, field.hint)}${inlineError(id, messages)}${control(field, value, id, aria, messages.length > 0)}</div>`;
}

/** The summary lists problems in the order of the fields on the page; unplaced ones last. */
export const byFormOrder = (form: RecordForm) => {
  const position = (e: PlacedFormError) => {
    const index = form.fields.findIndex((f) => f.name === e.field);
    return index < 0 ? form.fields.length : index;
  };
  return (a: PlacedFormError, b: PlacedFormError) => position(a) - position(b);
};

/** The title inside a sentence: only its first letter lowered, so codes (ADM, OC2) keep their capitals. */
const inSentence = (title: string): string => `${title.charAt(0).toLowerCase()}${title.slice(1)}`;

export function recordFormPage(model: RecordFormPageModel): SafeHtml {
  const { form, childId } = model;
  // In the form's words, beside the field it is about; one the form has no field for is in the summary only.
  const errors = model.errors
    .map((e) => ({ ...inFormWords(form, e), aboutTheEntry: e.field === undefined }))
    .sort(byFormOrder(form));
  // A refusal naming no field is about the entry as a whole: it links to the entry being corrected
  // or withdrawn, if the form shows one, else it is plain text; never to a field it is not about.
  const wholeEntry = form.target && model.entry ? 'corrected-entry' : undefined;
  const summary: SummaryMessage[] = errors.map((e) => ({
    fieldId: e.aboutTheEntry ? wholeEntry : inputId(e.field ?? form.fields[0].name),
    message: e.message,
  }));
  const childHref = `/panel/children/${encodeURIComponent(childId)}`;
  // Sent to the address it is shown at (a correction's entry included), so a send after the
  // session ended can return to this form once signed in (the web exception filter's `next`).
  const entryQuery = form.target && model.entry ? `?entry=${encodeURIComponent(model.entry.id)}` : '';
  const content = html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${model.refusal ? refusalSummary(model.refusal, childHref) : errorSummary(summary)}
    <span class="govuk-caption-l">${model.childLabel}</span>
    <h1 class="govuk-heading-l">Record: ${form.title}</h1>
    ${form.intro ? html`<p class="govuk-body" id="form-intro">${form.intro}</p>` : ''}
    <form method="post" action="${childHref}/record/${form.slug}${entryQuery}" autocomplete="off" novalidate>
      <input type="hidden" name="_csrf" value="${model.csrfToken}">
      <input type="hidden" name="revision" value="${model.revision}">
      <input type="hidden" name="${FORM_KEY_FIELD}" value="${model.idempotencyKey}">
      ${correctedEntry(form, model.entry)}
      ${form.fields.map((f) => fieldGroup(f, model.values[f.name] ?? '', errors))}
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true">Record ${inSentence(form.title)}</button>
        <a class="govuk-link" href="${childHref}">Cancel</a>
      </div>
    </form></div></div>`;
  return page({
    // The child named by reference, so several forms open in tabs can be told apart, and no name
    // stays in browser history (review s15 F14); no menu item is this page.
    title: `Record ${inSentence(form.title)} for ${model.childRef}`,
    content,
    user: model.user,
    csrfToken: model.csrfToken,
    hasErrors: errors.length > 0 || Boolean(model.refusal),
    beforeContent: html`<a href="${childHref}" class="govuk-back-link">Back to the child</a>`,
  });
}
