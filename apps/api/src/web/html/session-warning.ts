import type { SessionTimes } from '../../auth/session-limits';
import { SESSION_LIMIT_HOURS } from '../../auth/session-limits';
import { mayExtend } from '../auth/session-extension';
import { formatClockTime } from './format';
import { html, type SafeHtml } from './html';

/**
 * How long before a session ends its pages warn (WCAG 2.2.1 asks for at least 20 seconds to act;
 * GOV.UK's timeout warning pattern gives minutes). Three minutes: time to notice the warning, read
 * it with a screen reader or magnifier and press the button, without it coming so early that it
 * interrupts more than it must.
 */
export const SESSION_WARNING_MINUTES = 3;

const endText = (times: SessionTimes, now: Date): string =>
  formatClockTime(new Date(times.endsAt * 1000), now);
const endIso = (times: SessionTimes): string => new Date(times.endsAt * 1000).toISOString();

/**
 * When the session ends, in the header of every signed-in page: said without JavaScript too, and
 * kept up to date by the warning's script after "Stay signed in".
 */
export function sessionEndsNotice(times: SessionTimes, now: Date): SafeHtml {
  return html`<p class="cj-account__ends govuk-body-s">Session ends at <time datetime="${endIso(times)}" data-session-ends-text>${endText(times, now)}</time></p>`;
}

/**
 * The warning (GOV.UK timeout warning pattern as a modal alertdialog): hidden until
 * SESSION_WARNING_MINUTES before the end, then opened by /assets/app/session-warning.js, which moves
 * focus to its button (Escape or Close dismisses it, focus goes back where it was). "Stay signed in"
 * posts to /session/extend in the background, so the page and what is typed in it stay as they are.
 * The script counts from the seconds left when the page was made (`data-ends-in`), not from the
 * end's time, so a computer whose clock is wrong is still warned in time. A session at its limit
 * from sign-in gets the warning without the button. Without JavaScript it
 * never shows (`hidden` dialog); the header still says when the session ends.
 */
export function sessionWarning(times: SessionTimes, now: Date): SafeHtml {
  const when = html`<strong data-session-ends-text>${endText(times, now)}</strong>`;
  return html`<dialog class="cj-session-warning" id="cj-session-warning" role="alertdialog" aria-modal="true"
    aria-labelledby="cj-session-warning-title" aria-describedby="cj-session-warning-text"
    data-ends-in="${Math.max(0, times.endsAt - Math.floor(now.getTime() / 1000))}" data-can-extend="${mayExtend(times) ? 'true' : 'false'}"
    data-warn-seconds="${SESSION_WARNING_MINUTES * 60}">
    <h2 class="govuk-heading-m" id="cj-session-warning-title" data-session-title>Your session is about to end</h2>
    <div id="cj-session-warning-text">
      <p class="govuk-body" data-session-if="extend">You will be signed out at ${when}. Choose “Stay signed in” to keep working: this page, and anything you have typed in it, stays as it is.</p>
      <p class="govuk-body" data-session-if="limit" hidden>You will be signed out at ${when}. A sign-in lasts at most ${SESSION_LIMIT_HOURS} hours, so it cannot be extended again: send anything you have typed before then, and sign in again.</p>
      <p class="govuk-body" data-session-if="ended" hidden>Your session has ended. Anything on this page that you had not sent was not recorded: copy what you need, then <a class="govuk-link" href="/login">sign in again</a>.</p>
      <p class="govuk-error-message" data-session-error hidden></p>
    </div>
    <div class="govuk-button-group">
      <button type="button" class="govuk-button" data-session-extend>Stay signed in</button>
      <button type="button" class="govuk-button govuk-button--secondary" data-session-close>Close</button>
    </div>
  </dialog>
  <div class="govuk-visually-hidden" role="status" id="cj-session-status"></div>`;
}
