import { errorSummary, inlineError } from '../html/components';
import { html, type SafeHtml } from '../html/html';
import { page } from '../html/layout';
import { DEMO_PASSWORD } from './user-directory';

/**
 * 'credentials': wrong username or password; 'form': the form's sign-in token was missing or stale;
 * 'not-recorded': the password was right but the sign-in could not be recorded, so no session began.
 */
export type LoginFailure = 'credentials' | 'form' | 'not-recorded';

export interface LoginPageModel {
  csrfToken: string;
  next: string;
  username?: string;
  failed?: LoginFailure;
  demo: boolean;
  notice?: string;
  /** Sent here by a form posted after the session ended: say that nothing was recorded. */
  formNotSent?: boolean;
}

/** Why the user is signing in mid-task, and what became of the form (its answers are not kept). */
export const FORM_NOT_SENT_MESSAGE =
  'Your session ended before your form was sent, so nothing was recorded. Sign in to go back to the form. What you typed was not kept: check the form and fill it in again.';

export const FAILURE_MESSAGES: Record<NonNullable<LoginPageModel['failed']>, string> = {
  credentials: 'Enter a correct username and password',
  // Told apart so that someone whose page sat open (or whose browser refused the cookie) does not doubt their password.
  form: 'The sign-in page had expired or your browser did not send its cookie: sign in again on this page',
  // Not the user's doing: said so, so they do not doubt their password either.
  'not-recorded':
    'You could not be signed in because the service could not record your sign-in. Nothing was changed. Try again in a few minutes; if it keeps happening, tell your service desk',
};

export function loginPage(model: LoginPageModel): SafeHtml {
  const failure = model.failed ? FAILURE_MESSAGES[model.failed] : undefined;
  // The service's failure is no field's: summarised without a link, and no field is marked wrong.
  const error = model.failed === 'not-recorded' ? undefined : failure;
  const content = html`
    <div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      ${errorSummary(failure ? [{ ...(error && { fieldId: 'username' }), message: failure }] : [])}
      <h1 class="govuk-heading-l">Sign in to Care Journey</h1>
      ${model.formNotSent ? html`<div class="govuk-inset-text" id="form-not-sent">${FORM_NOT_SENT_MESSAGE}</div>` : ''}
      ${
        model.notice
          ? html`<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span>
        <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>${model.notice}</strong></div>`
          : ''
      }
      <form method="post" action="/login" novalidate>
        <input type="hidden" name="_csrf" value="${model.csrfToken}">
        <input type="hidden" name="next" value="${model.next}">
        <div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
          <label class="govuk-label" for="username">Username</label>
          ${inlineError('username', error ? [error] : [])}
          <input class="govuk-input govuk-!-width-one-half${error ? ' govuk-input--error' : ''}" id="username" name="username" type="text"
            autocomplete="username" spellcheck="false" value="${model.username ?? ''}"${error ? html` aria-describedby="username-error"` : ''}>
        </div>
        <div class="govuk-form-group">
          <label class="govuk-label" for="password">Password</label>
          <input class="govuk-input govuk-!-width-one-half" id="password" name="password" type="password" autocomplete="current-password">
        </div>
        <button type="submit" class="govuk-button" data-module="govuk-button">Sign in</button>
      </form>
      ${model.demo ? demoDetails() : ''}
    </div></div>`;
  return page({ title: 'Sign in', content, hasErrors: Boolean(failure) });
}

function demoDetails(): SafeHtml {
  const users = [
    'sw.demo (social worker in the first team, Children in Care North by default)',
    'sw.other.demo (social worker in every other team)',
    'panel.demo (panel member)',
    'auditor.demo (auditor)',
    'reporting.demo (reporting job)',
    'admin.demo (administrator)',
  ];
  return html`<details class="govuk-details"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Development sign-in</span></summary>
    <div class="govuk-details__text">
      <p class="govuk-body">No users file is configured (CARE_JOURNEY_USERS), so demo users are available with the password <code>${DEMO_PASSWORD}</code>:</p>
      <ul class="govuk-list govuk-list--bullet">${users.map((u) => html`<li>${u}</li>`)}</ul>
    </div></details>`;
}
