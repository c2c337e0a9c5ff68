import {
  dateInEngland,
  resolveCorrections,
  type CalendarDate,
  type StoredJourneyEvent,
} from '@care-journey/journey';
import { WITHHELD } from '../../auth/events-seen-by';
import { formatDate } from '../html/format';
import { html, type SafeHtml } from '../html/html';
import { eventLabel } from './event-labels';

/** An entry withdrawn from the journey: gone from the timeline, still part of the case record. */
export interface WithdrawnEntry {
  /** The entry as it stood when withdrawn (earlier corrections laid over it). */
  entry: StoredJourneyEvent;
  withdrawnAt: string;
  withdrawnBy: string;
  /** As the role may read it: withheld from the panel and reporting jobs. */
  reason: string;
}

/**
 * The withdrawals known at the replay point, oldest first. With `asAt`, only entries dated by then,
 * as the list of entries. Read from the events the role sees, so the reason is already withheld
 * where it must be.
 */
export function withdrawnEntries(
  known: readonly StoredJourneyEvent[],
  asAt?: CalendarDate,
): WithdrawnEntry[] {
  const asCorrected = new Map(
    resolveCorrections(known.filter((e) => !isWithdrawal(e))).map((e) => [e.id, e]),
  );
  return known.flatMap((e) => {
    if (!isWithdrawal(e)) return [];
    const entry = asCorrected.get(e.data.retractedEventId);
    if (!entry || (asAt !== undefined && entry.data.effectiveDate > asAt)) return [];
    return [{ entry, withdrawnAt: e.recordedAt, withdrawnBy: e.recordedBy, reason: e.data.reason }];
  });
}

/** An entry withdrawn, or the registration withdrawn as made in error (a child registered twice). */
const isWithdrawal = (
  e: StoredJourneyEvent,
): e is Extract<StoredJourneyEvent, { type: 'EntryRetracted' | 'RegistrationRetracted' }> =>
  e.type === 'EntryRetracted' || e.type === 'RegistrationRetracted';

/**
 * Said first on the page of a child whose registration was withdrawn as made in error: the page
 * is otherwise empty, and nothing can be recorded for it.
 */
export function registrationWithdrawnNotice(withdrawn: readonly WithdrawnEntry[]): SafeHtml {
  const registration = withdrawn.find((w) => w.entry.type === 'ChildRegistered');
  if (!registration) return html``;
  return html`<div class="govuk-warning-text" id="registration-withdrawn">
    <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
    <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>Registered in error:
    this registration was withdrawn ${formatDate(dateInEngland(registration.withdrawnAt))} by ${registration.withdrawnBy}.
    The child is in no list, flag, measure or return, and nothing more can be recorded for it; the registration stays in the audit trail.</strong></div>`;
}

export function withdrawnSection(withdrawn: readonly WithdrawnEntry[]): SafeHtml {
  if (withdrawn.length === 0) return html``;
  return html`<h3 class="govuk-heading-s" id="withdrawn">Withdrawn entries</h3>
    <p class="govuk-body-s">Taken out of the journey: not on the timeline, not counted in flags or returns.</p>
    <ul class="govuk-list" id="withdrawn-list">${withdrawn.map(
      (w) =>
        html`<li id="withdrawn-${w.entry.id}"><strong class="govuk-tag govuk-tag--grey">Withdrawn</strong> ${eventLabel(w.entry.type)}, ${formatDate(w.entry.data.effectiveDate)}:
        withdrawn ${formatDate(dateInEngland(w.withdrawnAt))} by ${w.withdrawnBy}${w.reason === WITHHELD ? '' : html`: ${w.reason}`}</li>`,
    )}</ul>`;
}
