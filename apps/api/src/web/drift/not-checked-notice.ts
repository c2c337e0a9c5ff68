import { html, type SafeHtml } from '../html/html';
import type { RuleNotChecked } from './rule-meanings';

/**
 * A rule that does not run finds nothing: said under a drift report's headline, and printed with it
 * (review s16-ofsted F6). One sentence for the live report and the auditors' report as known at a time.
 */
export function notCheckedNotice(notChecked: readonly RuleNotChecked[] | undefined): SafeHtml {
  if (!notChecked || notChecked.length === 0) return html``;
  return html`<p class="govuk-body" id="not-checked"><strong>Not checked:</strong> ${notChecked.map(
    (r, i) => html`${i > 0 ? '; ' : ''}${r.ruleId} ${r.title} (${r.why})`,
  )}. No flag for these is not a sign of compliance.</p>`;
}
