import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { formatDate } from '../html/format';
import { html, type SafeHtml } from '../html/html';
import { page } from '../html/layout';

export interface AllocatedAwayModel {
  user: AuthenticatedUser;
  csrfToken: string;
  /** "Leo Weekday (CJW005)". */
  childLabel: string;
  /** What was recorded: "Allocation", "Correction". */
  recorded: string;
  team: string;
  socialWorker: string;
  effectiveDate: string;
}

/**
 * The answer to a recorded allocation that takes the child out of every team of the worker: the
 * child's page would now be "Page not found", which reads as if the child and the week's entries
 * were lost. It says the allocation was recorded and where the child went.
 */
export function allocatedAwayPage(model: AllocatedAwayModel): SafeHtml {
  const content = html`<div class="govuk-panel govuk-panel--confirmation" id="allocated-away">
      <h1 class="govuk-panel__title">${model.recorded} recorded</h1>
      <div class="govuk-panel__body">${model.childLabel} is allocated to ${model.team} (${model.socialWorker}) from ${formatDate(model.effectiveDate)}</div>
    </div>
    <p class="govuk-body">The child is no longer in your teams’ list, so their page is not open to you any more. Their entries are kept.</p>
    <p class="govuk-body"><a class="govuk-link" href="/panel/children">Find a child</a></p>`;
  return page({ title: `${model.recorded} recorded`, content, user: model.user, csrfToken: model.csrfToken });
}
