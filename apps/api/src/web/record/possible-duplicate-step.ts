/**
 * The "Possible duplicate" step of Register a child (frontline review F12): before RegisterChild is
 * sent, children already registered with the same date of birth and a name in common are shown,
 * with "Open that child" and "Register anyway". A social worker sees only the matches in their
 * teams by name; others are only counted, with whom to ask (an admin sees every team).
 */
import type { PossibleDuplicate } from '../../children/queries/possible-duplicates';
import { fold } from '../../children/queries/find-children';
import { formatDate } from '../html/format';
import { html, type SafeHtml } from '../html/html';

/** The hidden field carrying what was checked: sent again unchanged, the worker chose "Register anyway". */
export const DUPLICATES_CHECKED_FIELD = '_duplicatesChecked';

export interface DuplicateStep {
  /** Matches the worker may see (in their teams; all for other roles). */
  seen: readonly PossibleDuplicate[];
  /** Matches outside the worker's teams: counted, never named. */
  elsewhere: number;
  /** The name and birth date checked (DUPLICATES_CHECKED_FIELD's value). */
  checked: string;
}

/** What the check is about: a changed name or birth date is checked again. Undefined: nothing to check. */
export function duplicateCheckKey(body: Record<string, unknown>): string | undefined {
  const { name, dateOfBirth } = body;
  if (typeof name !== 'string' || typeof dateOfBirth !== 'string') return undefined;
  const folded = fold(name);
  return folded === '' ? undefined : `${dateOfBirth}|${folded}`;
}

export function duplicateStep(step: DuplicateStep): SafeHtml {
  const { seen, elsewhere } = step;
  return html`<div class="govuk-warning-text" id="possible-duplicate">
      <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
      <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>Possible duplicate: a child with this date of birth and a similar name is already registered. Nothing has been recorded yet.</strong></div>
    ${
      seen.length > 0
        ? html`<ul class="govuk-list" id="possible-duplicates">${seen.map(
            (d) =>
              html`<li>${d.childRef} ${d.name}, born ${formatDate(d.dateOfBirth)}${d.team ? `, ${d.team}${d.socialWorker ? ` (${d.socialWorker})` : ''}` : ''} — <a class="govuk-link" href="/panel/children/${encodeURIComponent(d.childId)}">Open that child</a></li>`,
          )}</ul>`
        : ''
    }
    ${
      elsewhere > 0
        ? html`<p class="govuk-body" id="duplicates-elsewhere">${elsewhere === 1 ? 'A possible match is' : `${elsewhere} possible matches are`} registered outside your teams, so it is not shown to you: ask a Care Journey admin (who sees every team) to check before registering this child.</p>`
        : ''
    }
    <p class="govuk-body">If this is a different child, check the answers below and choose <strong>Register anyway</strong>. A child registered twice by mistake can only be withdrawn by an admin.</p>`;
}
