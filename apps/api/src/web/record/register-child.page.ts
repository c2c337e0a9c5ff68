import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { backLink, errorSummary, type FieldMessage } from '../html/components';
import { html, type SafeHtml } from '../html/html';
import { page } from '../html/layout';
import { inputId, type RecordForm } from './form-definitions';
import { inFormWords } from './form-error-words';
import { FORM_KEY_FIELD } from './form-idempotency-key';
import { DUPLICATES_CHECKED_FIELD, duplicateStep, type DuplicateStep } from './possible-duplicate-step';
import {
  byFormOrder,
  fieldGroup,
  refusalSummary,
  type FormError,
  type FormRefusal,
} from './record-form.page';

export interface RegisterChildPageModel {
  user: AuthenticatedUser;
  csrfToken: string;
  /** REGISTER_CHILD_FORM with the codes in force today. */
  form: RecordForm;
  values: Record<string, string>;
  errors: readonly FormError[];
  /** This form's Idempotency-Key: sending it again registers the child once. */
  idempotencyKey: string;
  /** The whole form was refused (its key); nothing was recorded. */
  refusal?: Exclude<FormRefusal, { kind: 'stale' }>;
  /** For a reused key: the child that key already registered. */
  registeredChildHref?: string;
  /** Children who may be this one: shown before anything is sent (possible-duplicate-step.ts). */
  duplicates?: DuplicateStep;
}

/** The registration form: the record forms' fields, messages and key, posting to /panel/children/new. */
export function registerChildPage(model: RegisterChildPageModel): SafeHtml {
  const { form } = model;
  const errors = model.errors.map((e) => inFormWords(form, e)).sort(byFormOrder(form));
  const summary: FieldMessage[] = errors.map((e) => ({
    fieldId: inputId(e.field ?? form.fields[0].name),
    message: e.message,
  }));
  const content = html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${model.refusal ? refusalSummary(model.refusal, model.registeredChildHref ?? '/panel/children') : errorSummary(summary)}
    <span class="govuk-caption-l">A new child’s journey</span>
    <h1 class="govuk-heading-l">${form.title}</h1>
    <p class="govuk-body">This records who the child is. Record their entry to care from their page once they are registered.</p>
    ${model.duplicates ? duplicateStep(model.duplicates) : ''}
    <form method="post" action="/panel/children/new" autocomplete="off" novalidate id="register-form">
      <input type="hidden" name="_csrf" value="${model.csrfToken}">
      <input type="hidden" name="${FORM_KEY_FIELD}" value="${model.idempotencyKey}">
      ${model.duplicates ? html`<input type="hidden" name="${DUPLICATES_CHECKED_FIELD}" value="${model.duplicates.checked}">` : ''}
      ${form.fields.map((f) => fieldGroup(f, model.values[f.name] ?? '', errors))}
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true">${model.duplicates ? 'Register anyway' : 'Register the child'}</button>
        <a class="govuk-link" href="/panel/children">Cancel</a>
      </div>
    </form></div></div>`;
  return page({
    title: form.title,
    content,
    user: model.user,
    active: 'children',
    csrfToken: model.csrfToken,
    hasErrors: errors.length > 0 || Boolean(model.refusal),
    beforeContent: backLink('/panel/children', 'Back to find a child'),
  });
}
