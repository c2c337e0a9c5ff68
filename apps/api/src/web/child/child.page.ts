import { dateInEngland, isShortBreak, type StoredJourneyEvent } from '@care-journey/journey';
import {
  allocationOn,
  ageOn,
  legalStatusOn,
  periodOn,
  placementTypeOn,
  type DriftFlag,
  type DueSoonWarning,
  type FlagHistoryEntry,
  type PeriodOfCare,
  type ThresholdValues,
  type WorkingCalendar,
} from '@care-journey/projections';
import { ACCESS_LOG_READERS } from '../../audit/access-log-readers';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { errorSummary, inlineError, summaryList, tag, textInput } from '../html/components';
import { codeText, formatDate, formatInstant, legalStatusText, plural } from '../html/format';
import { closedDayWords, closedWords, isCondition, openFlagStatus } from '../html/flag-words';
import { html, type HtmlValue, type SafeHtml } from '../html/html';
import { page } from '../html/layout';
import type { ChildJourney, ReplayForm } from './child-journey';
import type { ShownUntilRecorded } from '@care-journey/audit';
import { entryDetails } from './entry-details';
import { eventLabel } from './event-labels';
import { timelineSvg, markPath, MARK_COLOURS } from './timeline.svg';
import { MISSING_SWATCH, PLACEMENT_SWATCHES, TEMPORARY_SWATCH, type Swatch } from './timeline-palette';
import type { RecordForm } from '../record/form-definitions';
import { isCorrectable } from '../record/correction-forms';
import { isProjection, projectionText } from '../drift/projection';
import { evidenceText } from '../drift/flag-evidence';
import { changesWords } from './correction-changes';
import { missingNow, placementWhere, stayingNow } from './where-the-child-is';
import { registrationWithdrawnNotice, withdrawnSection } from './withdrawn-entries';
import { backLinkHtml, FOUND_PARAM, type BackLink } from './back-link';
import { careLeaverNow, type CareLeaverNow } from './care-leaver-now';

export interface ChildPageModel {
  user: AuthenticatedUser;
  csrfToken: string;
  journey: ChildJourney;
  form: ReplayForm;
  showNames: boolean;
  /** The record forms that fit the child today; none for a role that does not record. */
  recordForms: readonly RecordForm[];
  /** Whether the user may correct or withdraw entries (the roles that record). */
  mayCorrect?: boolean;
  today: string;
  /** Shown after a form was recorded. */
  notice?: string;
  /** Where the back link goes: Find a child (with its search) or the drift report. */
  back?: BackLink;
  /** A social worker's display name from the users file; undefined shows the login id. */
  socialWorkerName?: (userId: string) => string | undefined;
  /** The calendar the rules count working days with (a council's extra bank holidays): marks a due date on a closed day. */
  calendar: WorkingCalendar;
}

/**
 * Replay is an auditor's tool: a social worker gets it folded away, closed unless a replay is shown
 * or its answers were refused (frontline review F14); other roles see it open, as before.
 */
function replaySection(model: ChildPageModel, childId: string, replaying: boolean): SafeHtml {
  const form = replayForm(model, childId);
  if (model.user.role !== 'social_worker') return form;
  const open = replaying || model.form.errors.length > 0;
  return html`<details class="govuk-details" id="replay-details"${open ? html` open` : ''}><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Replay the journey as at a date (for audits)</span></summary>
    <div class="govuk-details__text">${form}</div></details>`;
}

function replayForm({ form, journey, back }: ChildPageModel, childId: string): SafeHtml {
  const err = (id: string) => form.errors.filter((e) => e.fieldId === id).map((e) => e.message);
  const group = (id: string) => `govuk-form-group${err(id).length ? ' govuk-form-group--error' : ''}`;
  return html`<form method="get" action="/panel/children/${encodeURIComponent(childId)}" id="replay-form" class="cj-replay" novalidate aria-label="Replay the journey">
    ${back?.found !== undefined ? html`<input type="hidden" name="${FOUND_PARAM}" value="${back.found}">` : ''}
    <h2 class="govuk-heading-m">Replay</h2>
    <p class="govuk-body">See the journey <strong>as at</strong> a date in the child's life (entries effective by then), and <strong>as known at</strong> a moment (only what had been recorded by then, corrections included).</p>
    <div class="cj-replay__grid">
      <div class="${group('asAt')}"><label class="govuk-label govuk-label--s" for="asAt">As at</label>
        <div id="asAt-hint" class="govuk-hint">A date, for example 2024-09-30</div>${inlineError('asAt', err('asAt'))}
        ${textInput({ id: 'asAt', value: form.raw.asAt, width: 'govuk-input--width-10', hint: true, error: err('asAt').length > 0, inputmode: 'numeric' })}</div>
      <div class="${group('knownAt')}"><label class="govuk-label govuk-label--s" for="knownAt">As known at</label>
        <div id="knownAt-hint" class="govuk-hint">A date (end of that day) or date and time with zone</div>${inlineError('knownAt', err('knownAt'))}
        ${textInput({ id: 'knownAt', value: form.raw.knownAt, width: 'govuk-input--width-20', hint: true, error: err('knownAt').length > 0 })}</div>
      <div class="govuk-form-group"><div class="govuk-button-group">
        <button type="submit" class="govuk-button" data-module="govuk-button">Replay</button>
        <a class="govuk-link" href="/panel/children/${encodeURIComponent(childId)}">Back to today</a></div></div>
    </div>
    ${journey.unknownYet > 0 ? html`<p class="govuk-body-s">${plural(journey.unknownYet, 'entry', 'entries')} recorded after that moment ${journey.unknownYet === 1 ? 'is' : 'are'} left out.</p>` : ''}
  </form>`;
}

function swatchIcon(sw: Swatch): SafeHtml {
  return html`<svg width="28" height="16" aria-hidden="true" focusable="false"><rect width="28" height="16" fill="${sw.colour}"/>${sw.pattern ? html`<rect width="28" height="16" fill="url(#${sw.pattern})"/>` : ''}</svg>`;
}

function legend(): SafeHtml {
  const marks: [Parameters<typeof markPath>[0], string][] = [
    ['circle', 'Review'],
    ['diamond', 'Permanence plan'],
    ['square', 'Going-home audit'],
    ['triangle', 'Adoption step'],
    ['flag', 'Open flag: its due date, or the day a condition began'],
    ['warning', 'Due soon'],
  ];
  return html`<h3 class="govuk-heading-s">Key</h3><ul class="cj-legend" id="timeline-legend">
    ${[...PLACEMENT_SWATCHES, TEMPORARY_SWATCH, MISSING_SWATCH].map((sw) => html`<li>${swatchIcon(sw)} ${sw.label}</li>`)}
    ${marks.map(([shape, text]) => html`<li><svg width="18" height="18" aria-hidden="true" focusable="false" viewBox="0 0 18 18"><path d="${markPath(shape, 9, 9)}" fill="${MARK_COLOURS[shape]}" stroke="#0b0c0c"/></svg> ${text}</li>`)}
    <li><span class="cj-corrected" aria-hidden="true">*</span> with a dashed ring: corrected entry</li>
  </ul>`;
}

/**
 * The entries a flag rests on. The registration stands for a birthday worked out from the date of
 * birth (DR10's 16th, DR13's 18th): said in words ("Turned 16 on …"), the date only for a role
 * that sees dates of birth (`dateOfBirth` is absent otherwise).
 */
function evidenceList(
  f: { evidence: readonly string[]; threshold: ThresholdValues },
  byId: Map<string, StoredJourneyEvent>,
  dateOfBirth: string | undefined,
): SafeHtml {
  if (f.evidence.length === 0)
    return html`<span class="cj-muted">No entry: the obligation arises from the rule itself</span>`;
  return html`<ul class="govuk-list cj-evidence">${f.evidence.map((id) => {
    const e = byId.get(id);
    if (e?.type === 'ChildRegistered')
      return html`<li>${evidenceText({ what: 'Registered', date: e.data.effectiveDate, dateOfBirth: dateOfBirth ?? '' }, f.threshold, dateOfBirth !== undefined, formatDate)}</li>`;
    return html`<li>${e ? html`<a class="govuk-link" href="#entry-${id}">${eventLabel(e.type)}, ${formatDate(e.data.effectiveDate)}</a>` : html`Entry ${id}`}</li>`;
  })}</ul>`;
}

/**
 * No flag as at D. On short breaks (V3/V4) no drift rule runs (rule book), so "No open flags" would
 * read as compliance: the page says the rules do not apply instead (review s16-ofsted F6).
 */
function noFlagsText({ summary, driftDate }: ChildJourney): string {
  const period = periodOn(summary, driftDate);
  const status = period ? legalStatusOn(period, driftDate) : undefined;
  if (status !== undefined && isShortBreak(status))
    return `Drift rules do not apply to short breaks (V3/V4): no flag is checked while the child is accommodated under ${status}, as at ${formatDate(driftDate)}.`;
  return `No open flags or warnings as at ${formatDate(driftDate)}.`;
}

function flagsSection(
  journey: ChildJourney,
  byId: Map<string, StoredJourneyEvent>,
  calendar: WorkingCalendar,
): SafeHtml {
  const { flags, dueSoon } = journey.drift;
  const row = (
    f: DriftFlag | DueSoonWarning,
  ) => html`<tr class="govuk-table__row" id="flag-${f.ruleId}-${f.key}">
    <th scope="row" class="govuk-table__header">${f.ruleId} ${f.title}</th>
    <td class="govuk-table__cell">${'daysOverdue' in f ? tag(openFlagStatus(f), 'red') : tag(f.daysUntilDue === 0 ? 'Due today' : `Due in ${plural(f.daysUntilDue, 'day')}`, 'yellow')}</td>
    <td class="govuk-table__cell">${isCondition(f.ruleId) ? html`<span class="cj-muted">None: a standing condition</span>` : `${formatDate(f.dueDate)}${'daysUntilDue' in f ? closedDayWords(f.dueDate, calendar) : ''}`}</td>
    <td class="govuk-table__cell">${evidenceList(f, byId, journey.summary.dateOfBirth)}</td></tr>`;
  if (flags.length + dueSoon.length === 0)
    return html`<h2 class="govuk-heading-m" id="flags">Flags</h2><p class="govuk-body" id="no-flags">${noFlagsText(journey)}</p>`;
  return html`<h2 class="govuk-heading-m" id="flags">Flags</h2><table class="govuk-table" id="flags-table">
    <caption class="govuk-table__caption govuk-table__caption--s">Open flags and warnings as at ${formatDate(journey.driftDate)}, with the entries they rest on</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Rule</th><th scope="col" class="govuk-table__header">Status</th>
    <th scope="col" class="govuk-table__header">Due</th><th scope="col" class="govuk-table__header">Evidence</th></tr></thead>
    <tbody class="govuk-table__body">${flags.map(row)}${dueSoon.map(row)}</tbody></table>`;
}

/** A closing entry recorded after the day it closes the flag on: until then the flag showed open. */
function recordedLate(h: FlagHistoryEntry, byId: Map<string, StoredJourneyEvent>): SafeHtml {
  const closing = h.closingEventId ? byId.get(h.closingEventId) : undefined;
  if (!closing || !h.closedOn) return html``;
  const recordedOn = dateInEngland(closing.recordedAt);
  return recordedOn > h.closedOn
    ? html`; closing entry recorded ${formatDate(recordedOn)} (the flag showed open until then)`
    : html``;
}

/**
 * A step held in time but recorded late (review s16-ofsted F2): never a breach, but reports showed it
 * overdue until the record was made. Listed with the closed flags, worded for what it was.
 */
function shownUntilRecordedItem(s: ShownUntilRecorded, byId: Map<string, StoredJourneyEvent>): SafeHtml {
  const step = byId.get(s.closingEventId);
  const what = step ? eventLabel(step.type) : 'step';
  const fix = s.correctedIntoTime;
  // Its basis recorded after the step: never shown open, a breach from then until the correction.
  if (fix?.breachOnly)
    return html`<li id="shown-until-recorded-${s.ruleId}-${s.key}">${s.ruleId} ${s.title}: shown as a breach ${formatDate(s.shownFrom)} to ${formatDate(fix.recordedOn)}, never as open (due ${formatDate(s.dueDate)});
      in time: ${what} ${formatDate(s.metOn)}, first recorded ${formatDate(s.recordedOn)} as ${formatDate(fix.firstDate)} and corrected ${formatDate(fix.recordedOn)}</li>`;
  if (fix)
    return html`<li id="shown-until-recorded-${s.ruleId}-${s.key}">${s.ruleId} ${s.title}: shown overdue ${formatDate(s.shownFrom)} to ${formatDate(s.recordedOn)}, then as a breach until ${formatDate(fix.recordedOn)} (due ${formatDate(s.dueDate)});
      in time: ${what} ${formatDate(s.metOn)}, first recorded ${formatDate(s.recordedOn)} as ${formatDate(fix.firstDate)} and corrected ${formatDate(fix.recordedOn)}</li>`;
  return html`<li id="shown-until-recorded-${s.ruleId}-${s.key}">${s.ruleId} ${s.title}: shown overdue ${formatDate(s.shownFrom)} to ${formatDate(s.recordedOn)} (due ${formatDate(s.dueDate)});
      in time: ${what} ${formatDate(s.metOn)}, but recorded ${formatDate(s.recordedOn)}</li>`;
}

function historySection(journey: ChildJourney, byId: Map<string, StoredJourneyEvent>): SafeHtml {
  const closed = journey.history.filter((h) => h.closedOn);
  const late = journey.shownUntilRecorded;
  if (closed.length + late.length === 0) return html``;
  // Each part named only when it has entries: "closed earlier (0)" read as a count to check (review s16-diff F6).
  const parts = [
    ...(closed.length > 0 ? [`Flags closed earlier (${closed.length})`] : []),
    ...(late.length > 0 ? [`shown overdue until a step held in time was recorded (${late.length})`] : []),
  ];
  const summary = parts.join(', and ');
  return html`<details class="govuk-details" id="flags-closed"><summary class="govuk-details__summary"><span class="govuk-details__summary-text">${summary.charAt(0).toUpperCase()}${summary.slice(1)}</span></summary>
    <div class="govuk-details__text"><ul class="govuk-list">${closed.map(
      (h) => html`<li>${h.ruleId} ${h.title}: open ${formatDate(h.openedOn)} to ${formatDate(h.closedOn)},
      ${closedWords(h)}${recordedLate(h, byId)}</li>`,
    )}${late.map((s) => shownUntilRecordedItem(s, byId))}</ul></div></details>`;
}

/** Links to correct or withdraw one entry, each naming the entry for a screen reader. */
function correctionLinks(childId: string, e: StoredJourneyEvent): SafeHtml {
  if (!isCorrectable(e)) return html``;
  const base = `/panel/children/${encodeURIComponent(childId)}/record`;
  const which = html`<span class="govuk-visually-hidden"> ${eventLabel(e.type)}, ${formatDate(e.data.effectiveDate)}</span>`;
  return html`<ul class="govuk-list cj-entry-actions"><li><a class="govuk-link" href="${base}/amend?entry=${encodeURIComponent(e.id)}">Correct${which}</a></li>
    <li><a class="govuk-link" href="${base}/withdraw?entry=${encodeURIComponent(e.id)}">Withdraw${which}</a></li></ul>`;
}

/** The child's details are the registration's: corrected (never withdrawn) from under the summary. */
function registrationCorrection(journey: ChildJourney, mayCorrect: boolean): SafeHtml {
  const registration = journey.entries.find((e) => e.type === 'ChildRegistered');
  if (!mayCorrect || !registration) return html``;
  const href = `/panel/children/${encodeURIComponent(journey.summary.childId)}/record/amend?entry=${encodeURIComponent(registration.id)}`;
  return html`<p class="govuk-body" id="correct-details"><a class="govuk-link" href="${href}">Correct the child’s details</a></p>`;
}

function entriesSection(journey: ChildJourney, mayCorrect: boolean): SafeHtml {
  const entries = [...journey.entries]
    .filter((e) => e.type !== 'ChildRegistered')
    .sort((a, b) =>
      a.data.effectiveDate < b.data.effectiveDate ? -1 : a.data.effectiveDate > b.data.effectiveDate ? 1 : 0,
    );
  return html`<h2 class="govuk-heading-m" id="entries">Journey entries</h2>
    <table class="govuk-table cj-event-list" id="entries-table">
    <caption class="govuk-table__caption govuk-table__caption--s">Every entry behind the timeline, in the order of the child's life</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Date</th><th scope="col" class="govuk-table__header">Entry</th>
      <th scope="col" class="govuk-table__header">Details</th><th scope="col" class="govuk-table__header">Recorded</th>${
        mayCorrect ? html`<th scope="col" class="govuk-table__header">Corrections</th>` : ''
      }</tr></thead>
    <tbody class="govuk-table__body">${entries.map((e) => {
      const corrections = journey.corrections.get(e.id) ?? [];
      return html`<tr class="govuk-table__row" id="entry-${e.id}">
        <td class="govuk-table__cell">${formatDate(e.data.effectiveDate)}</td>
        <td class="govuk-table__cell">${eventLabel(e.type)}${corrections.length ? html` ${tag('Corrected', 'purple')}` : ''}</td>
        <td class="govuk-table__cell">${entryDetails(e)}${corrections.map(
          (c) =>
            html`<br><span class="govuk-body-s">Corrected ${formatDate(dateInEngland(c.recordedAt))} by ${c.recordedBy}: ${c.reason}${
              c.changes?.length ? html` (${changesWords(c.changes)})` : ''
            }</span>`,
        )}</td>
        <td class="govuk-table__cell">${formatDate(dateInEngland(e.recordedAt))} by ${e.recordedBy}</td>${
          mayCorrect
            ? html`<td class="govuk-table__cell">${correctionLinks(journey.summary.childId, e)}</td>`
            : ''
        }</tr>`;
    })}</tbody></table>`;
}

/** As at a date after today the flags are a projection, as on the drift report: said before the figures. */
function projectionNotice(driftDate: string, today: string): SafeHtml {
  if (!isProjection(driftDate, today)) return html``;
  return html`<div class="govuk-warning-text" id="projection-notice">
    <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
    <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>${projectionText(driftDate, today)}</strong></div>`;
}

/** A replay before the registration says so plainly, and where the details shown come from. */
function notYetRegisteredNotice(journey: ChildJourney, showNames: boolean): SafeHtml {
  const before = journey.notYetRegistered;
  if (!before) return html``;
  const { knownAt } = journey.point;
  const why =
    knownAt !== undefined && before.recordedAt > knownAt
      ? `Not yet registered as known at ${formatInstant(knownAt)}: the child's registration was recorded on ${formatDate(dateInEngland(before.recordedAt))}.`
      : `Not yet known to the authority on ${formatDate(journey.driftDate)}: the child became known on ${formatDate(before.knownFrom)}.`;
  const details = showNames ? 'The name, reference and date of birth shown are' : 'The reference shown is';
  return html`<div class="govuk-inset-text" id="not-yet-registered"><p class="govuk-body govuk-!-font-weight-bold">${why}</p>
    <p class="govuk-body">${details} from today's record.</p></div>`;
}

/**
 * Where the child is on the day shown, first thing a worker reads before a visit: missing or away
 * now, a temporary stay (the usual placement kept), and the usual placement with where it is.
 */
function nowRows(
  period: PeriodOfCare | undefined,
  date: string,
  byId: Map<string, StoredJourneyEvent>,
): [string, HtmlValue][] {
  if (!period) return [['Placement', 'Not looked after']];
  const usual = placementTypeOn(period, date);
  const missing = missingNow(period, date);
  const staying = stayingNow(period, date, usual);
  const where = placementWhere(period, date, byId);
  return [
    ...(missing ? [['Missing or away now', html`<strong>${missing}</strong>`] as [string, HtmlValue]] : []),
    ...(staying ? [['Staying now', staying] as [string, HtmlValue]] : []),
    [
      'Placement',
      where
        ? html`${codeText('PLACE', usual)}<br><span class="govuk-body-s" id="placement-where">${where}</span>`
        : codeText('PLACE', usual),
    ],
  ];
}

/** The young person's OC3 contacts (903 care leavers): when care ended and the next birthday's contact. */
function careLeaverText({ leftOn, reason, next }: CareLeaverNow): string {
  const left = `Left care on ${formatDate(leftOn)} (${codeText('REC', reason)}); a care leaver the 903 asks about at 17–21`;
  if (!next) return `${left}. No OC3 birthday is left to report on.`;
  const contact = next.recorded
    ? 'contact recorded'
    : `contact not recorded yet: it can be recorded from ${formatDate(next.from)} to ${formatDate(next.lastDay)}`;
  return `${left}. Next OC3 birthday: ${next.age} on ${formatDate(next.birthday)}, ${contact}.`;
}

/** Admins only, while the registration is all the journey holds (RetractRegistration's own rule). */
function withdrawRegistrationLink(model: ChildPageModel, childId: string, replaying: boolean): SafeHtml {
  const { entries } = model.journey;
  if (
    model.user.role !== 'admin' ||
    replaying ||
    entries.length !== 1 ||
    entries[0].type !== 'ChildRegistered'
  )
    return html``;
  return html`<p class="govuk-body" id="withdraw-registration-link"><a class="govuk-link" href="/panel/children/${encodeURIComponent(childId)}/withdraw-registration">Withdraw this registration (registered in error)</a></p>`;
}

/** A registration withdrawn as made in error: who it named, as registered (the summary is empty). */
function withdrawnIdentity(journey: ChildJourney) {
  const entry = journey.withdrawn.find((w) => w.entry.type === 'ChildRegistered')?.entry;
  return entry?.type === 'ChildRegistered' ? entry.data : undefined;
}

export function childPage(model: ChildPageModel): SafeHtml {
  const { journey, showNames } = model;
  const { summary, driftDate } = journey;
  const childId = summary.childId;
  const period = periodOn(summary, driftDate);
  const allocation = allocationOn(summary, driftDate);
  const age = ageOn(summary, driftDate);
  // Birthdays give the date of birth away: only for the roles that see it.
  const careLeaver = showNames && !period ? careLeaverNow(journey.entries, driftDate) : undefined;
  // Before the registration the replay has no identity: who the child is comes from today's record.
  const identity = journey.notYetRegistered ?? withdrawnIdentity(journey) ?? summary;
  const heading = showNames && identity.name ? identity.name : identity.childRef || childId;
  const byId = new Map(journey.entries.map((e) => [e.id, e]));
  const corrected = new Set(journey.corrections.keys());
  const replaying =
    (journey.point.asAt !== undefined && journey.point.asAt !== model.today) ||
    journey.point.knownAt !== undefined;
  const content = html`
    ${errorSummary(model.form.errors)}
    ${
      model.notice
        ? html`<div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="recorded-title" data-module="govuk-notification-banner">
      <div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="recorded-title">Success</h2></div>
      <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${model.notice}</p></div></div>`
        : ''
    }
    <span class="govuk-caption-l">Child journey${replaying ? ' (replay)' : ''}</span>
    <h1 class="govuk-heading-l">${heading}</h1>
    ${notYetRegisteredNotice(journey, showNames)}
    ${registrationWithdrawnNotice(journey.withdrawn)}
    ${projectionNotice(journey.driftDate, model.today)}
    ${summaryList([
      ['Reference', identity.childRef],
      ...(showNames
        ? ([
            [
              'Date of birth',
              identity.dateOfBirth
                ? `${formatDate(identity.dateOfBirth)}${age !== undefined ? ` (${age} on ${formatDate(driftDate)})` : ''}`
                : 'Not known',
            ],
          ] as [string, string][])
        : []),
      ['Looked after', period ? `Yes, since ${formatDate(period.start)}` : 'No'],
      ['Legal status', period ? legalStatusText(legalStatusOn(period, driftDate)) : 'Not looked after'],
      ...(careLeaver ? ([['Care leaver', careLeaverText(careLeaver)]] as [string, string][]) : []),
      ...nowRows(period, driftDate, byId),
      [
        'Team and social worker',
        allocation
          ? `${allocation.team}, ${model.socialWorkerName?.(allocation.socialWorker) ?? allocation.socialWorker}`
          : 'Not allocated',
      ],
      [
        'Shown as at',
        `${formatDate(driftDate)}${journey.point.knownAt ? `, as known at ${formatInstant(journey.point.knownAt)}` : ''}`,
      ],
    ])}
    ${
      // Auditors and admins: "who looked at this child" is a page of the read-access trail.
      ACCESS_LOG_READERS.includes(model.user.role)
        ? html`<p class="govuk-body" id="trail-link"><a class="govuk-link" href="/panel/audit/access-log?childId=${encodeURIComponent(childId)}">Who read this child (read-access trail)</a></p>`
        : ''
    }
    ${registrationCorrection(journey, Boolean(model.mayCorrect) && !replaying)}
    ${withdrawRegistrationLink(model, childId, replaying)}
    ${
      model.recordForms.length > 0 && !replaying
        ? html`<details class="govuk-details" open><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Record an event</span></summary>
      <div class="govuk-details__text"><ul class="govuk-list" id="record-links">${model.recordForms.map((f) => html`<li><a class="govuk-link" href="/panel/children/${encodeURIComponent(childId)}/record/${f.slug}">${f.title}</a></li>`)}</ul></div></details>`
        : ''
    }
    ${replaySection(model, childId, replaying)}
    <h2 class="govuk-heading-m">Timeline</h2>
    ${timelineSvg({ summary, end: driftDate, flags: journey.drift.flags, dueSoon: journey.drift.dueSoon, corrected })}
    ${legend()}
    ${flagsSection(journey, byId, model.calendar)}
    ${historySection(journey, byId)}
    ${entriesSection(journey, Boolean(model.mayCorrect) && !replaying)}
    ${withdrawnSection(journey.withdrawn)}`;
  return page({
    // The reference, not the name: a title stays in browser history, tabs and shared screens (review s15 F14).
    title: `Child ${identity.childRef || childId}`,
    content,
    // No menu item is this page: "Drift report" is not marked current.
    user: model.user,
    csrfToken: model.csrfToken,
    hasErrors: model.form.errors.length > 0,
    beforeContent: backLinkHtml(model.back ?? { href: '/panel/drift', text: 'Drift report' }),
  });
}
