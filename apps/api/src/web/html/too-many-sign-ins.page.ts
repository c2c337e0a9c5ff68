import { html, type SafeHtml } from './html';
import { page } from './layout';

/** What a browser is shown instead of the API's JSON when sign-in attempts are being limited. */
export function tooManySignInsPage(waitSeconds: number): SafeHtml {
  const minutes = Math.ceil(waitSeconds / 60);
  const wait =
    waitSeconds < 60 ? `${waitSeconds} seconds` : minutes === 1 ? '1 minute' : `${minutes} minutes`;
  const content = html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    <div class="govuk-error-summary" data-module="govuk-error-summary" id="too-many-sign-ins"><div role="alert">
      <h2 class="govuk-error-summary__title">There is a problem</h2>
      <div class="govuk-error-summary__body"><p class="govuk-body">Too many sign-in attempts. Your password was not checked.</p></div>
    </div></div>
    <h1 class="govuk-heading-l">Sign in to Care Journey</h1>
    <p class="govuk-body">Wait ${wait}, then <a class="govuk-link" href="/login">go to the sign-in page</a> and try again.</p>
    <p class="govuk-body">If you have forgotten your password, ask your administrator rather than trying again.</p>
  </div></div>`;
  return page({ title: 'Too many sign-in attempts', content, hasErrors: true });
}
