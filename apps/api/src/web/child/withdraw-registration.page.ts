/**
 * An admin's "Registered in error" form (frontline review F12): the reason, then RetractRegistration.
 * Linked from the child's page only while the registration is all the journey holds.
 */
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { RetractRegistrationDto } from '../../children/dto/corrections.dto';
import { backLink, errorSummary } from '../html/components';
import { html, type SafeHtml } from '../html/html';
import { page } from '../html/layout';
import { inputId, type RecordForm } from '../record/form-definitions';
import { FORM_KEY_FIELD } from '../record/form-idempotency-key';
import { fieldGroup, type FormError } from '../record/record-form.page';

export const WITHDRAW_REGISTRATION_FORM: RecordForm = {
  slug: 'withdraw-registration',
  title: 'Withdraw a registration made in error',
  command: 'RetractRegistration',
  dto: RetractRegistrationDto,
  fields: [
    {
      kind: 'textarea',
      name: 'reason',
      label: 'Why was the child registered in error?',
      hint: 'For example: registered twice, the same child as CJW001',
    },
  ],
};

export interface WithdrawRegistrationPageModel {
  user: AuthenticatedUser;
  csrfToken: string;
  childId: string;
  childLabel: string;
  /** The page title names the child by reference (review s15 F14). */
  childRef: string;
  reason: string;
  errors: readonly FormError[];
  idempotencyKey: string;
}

export function withdrawRegistrationPage(model: WithdrawRegistrationPageModel): SafeHtml {
  const form = WITHDRAW_REGISTRATION_FORM;
  const childHref = `/panel/children/${encodeURIComponent(model.childId)}`;
  // A refusal of the whole retraction (other entries recorded) is shown by the reason, the one field.
  const placed = model.errors.map((e) => ({ field: e.field ?? 'reason', message: e.message }));
  const summary = model.errors.map((e) => ({ fieldId: inputId(e.field ?? 'reason'), message: e.message }));
  const content = html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    ${errorSummary(summary)}
    <span class="govuk-caption-l">${model.childLabel}</span>
    <h1 class="govuk-heading-l">${form.title}</h1>
    <p class="govuk-body">Only for a child registered by mistake (for example twice) with nothing else recorded. The child leaves every list, flag, measure and return; the registration stays in the audit trail, and its 903 reference and UPN stay with it.</p>
    <form method="post" action="${childHref}/withdraw-registration" autocomplete="off" novalidate>
      <input type="hidden" name="_csrf" value="${model.csrfToken}">
      <input type="hidden" name="${FORM_KEY_FIELD}" value="${model.idempotencyKey}">
      ${form.fields.map((f) => fieldGroup(f, model.reason, placed))}
      <div class="govuk-button-group">
        <button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button" data-prevent-double-click="true">Withdraw the registration</button>
        <a class="govuk-link" href="${childHref}">Cancel</a>
      </div>
    </form></div></div>`;
  return page({
    title: `${form.title} for ${model.childRef}`,
    content,
    user: model.user,
    csrfToken: model.csrfToken,
    hasErrors: model.errors.length > 0,
    beforeContent: backLink(childHref, 'Back to the child'),
  });
}
