import type { AuthorityDriftAsKnown } from '@care-journey/audit';
import type { DriftReadAt } from '../../audit/drift-reads-at';
import { DRIFT_RULES, type DriftReportRow } from '@care-journey/projections';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import {
  describedBy,
  errorSummary,
  inlineError,
  selectOptions,
  tag,
  textInput,
  scrollingTable,
} from '../html/components';
import { AGE_BAND_TEXT, formatDate, formatInstant, plural } from '../html/format';
import { dueWords, openFlagStatus } from '../html/flag-words';
import { html, type SafeHtml } from '../html/html';
import { workerWords } from '../html/worker-words';
import { page } from '../html/layout';
import { pagination, type PageOf } from '../html/pagination';
import { notCheckedNotice } from '../drift/not-checked-notice';
import type { RuleNotChecked } from '../drift/rule-meanings';
import { AS_KNOWN_DRIFT_CSV, asKnownDriftUrl, type AsKnownDriftQuery } from './as-known-drift.query';

export interface AsKnownDriftPageModel {
  user: AuthenticatedUser;
  csrfToken: string;
  query: AsKnownDriftQuery;
  /** Absent when the form has an error: nothing is replayed. */
  report?: AuthorityDriftAsKnown;
  rows?: PageOf<DriftReportRow>;
  /** The live drift report reads recorded at exactly knownAt, with the read models each was built from. */
  readsAt?: readonly DriftReadAt[];
  /** Rules today's settings switch off (rule-meanings.ts), said under the headline as on the live report. */
  notChecked?: readonly RuleNotChecked[];
  /** A social worker's display name in the users file today (absent, or unknown: the username alone is shown). */
  workerName?: (username: string) => string | undefined;
}

function field(
  query: AsKnownDriftQuery,
  id: string,
  label: string,
  hintText: string,
  control: SafeHtml,
): SafeHtml {
  const messages = query.errors.filter((e) => e.fieldId === id).map((e) => e.message);
  return html`<div class="govuk-form-group cj-filter${messages.length ? ' govuk-form-group--error' : ''}">
    <label class="govuk-label govuk-label--s" for="${id}">${label}</label>
    <div id="${id}-hint" class="govuk-hint">${hintText}</div>${inlineError(id, messages)}${control}</div>`;
}

function form(query: AsKnownDriftQuery): SafeHtml {
  const r = query.raw;
  const hasError = (id: string) => query.errors.some((e) => e.fieldId === id);
  const input = (id: string, width: string, value: string, inputmode?: 'numeric') =>
    textInput({ id, value, width, hint: true, error: hasError(id), inputmode });
  const asAt = r.asAt || query.point.asAt;
  const knownAt = r.knownAt || (query.errors.length === 0 ? query.point.knownAt : '');
  return html`<form method="get" action="/panel/audit/drift" id="as-known-form" class="cj-filters" novalidate aria-label="Choose the date and what was known">
    <div class="cj-filters__grid">
      ${field(query, 'asAt', 'As at date', 'The date the report stands on, for example 2025-03-31', input('asAt', 'govuk-input--width-10', asAt, 'numeric'))}
      ${field(query, 'knownAt', 'As known at', 'Only what was recorded by then: a date (the end of that day in England) or an instant, for example 2025-04-30T17:00:00Z. Leave empty for the end of the as at date.', input('knownAt', 'govuk-input--width-20', knownAt))}
      ${field(
        query,
        'rule',
        'Rule',
        'One rule, or all',
        html`<select class="govuk-select${hasError('rule') ? ' govuk-select--error' : ''}" id="rule" name="rule" aria-describedby="${describedBy('rule', true, hasError('rule'))}">${selectOptions(
          DRIFT_RULES.map((rule) => ({ value: rule.id, text: `${rule.id} ${rule.title}` })),
          r.rule,
          'All rules',
        )}</select>`,
      )}
      ${field(query, 'reason', 'Reason (kept in the read-access trail)', 'For example, annual audit of panel decisions', input('reason', 'govuk-input--width-20', r.reason))}
    </div>
    <div class="govuk-button-group"><button type="submit" class="govuk-button" data-module="govuk-button">Show the report</button></div>
  </form>`;
}

function byRule(report: AuthorityDriftAsKnown): SafeHtml {
  return html`<table class="govuk-table" id="as-known-by-rule">
    <caption class="govuk-table__caption govuk-table__caption--s">Open flags and warnings by rule</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Rule</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">Open flags</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">Due within ${report.dueWithinDays} days</th></tr></thead>
    <tbody class="govuk-table__body">${report.byRule.map(
      (
        r,
      ) => html`<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${r.ruleId} ${r.title}</th>
      <td class="govuk-table__cell govuk-table__cell--numeric">${r.open}</td><td class="govuk-table__cell govuk-table__cell--numeric">${r.dueSoon}</td></tr>`,
    )}</tbody></table>`;
}

function flagList(row: DriftReportRow): SafeHtml {
  return html`<ul class="govuk-list cj-flags">
    ${row.flags.map((f) => html`<li class="cj-flag cj-flag--overdue">${tag(openFlagStatus(f), 'red')} <span class="cj-flag__rule">${f.ruleId}</span> ${f.title}<span class="cj-flag__due">${dueWords(f)}</span></li>`)}
    ${row.dueSoon.map((w) => html`<li class="cj-flag cj-flag--soon">${tag(w.daysUntilDue === 0 ? 'Due today' : `Due in ${plural(w.daysUntilDue, 'day')}`, 'yellow')} <span class="cj-flag__rule">${w.ruleId}</span> ${w.title}<span class="cj-flag__due">, due ${formatDate(w.dueDate)}</span></li>`)}
  </ul>`;
}

function table(
  query: AsKnownDriftQuery,
  rows: PageOf<DriftReportRow>,
  workerName: AsKnownDriftPageModel['workerName'],
): SafeHtml {
  if (rows.total === 0)
    return html`<p class="govuk-body govuk-!-font-weight-bold" id="no-results">No child had an open flag or warning as at ${formatDate(query.point.asAt)} on what was recorded by then.</p>`;
  const { asAt, knownAt } = query.point;
  return html`<p class="govuk-body" id="as-known-worker-names">Social workers are those allocated in what was recorded by then. The name beside each username is the one the users file gives today: names are not kept in the record, so a name changed since shows as it is now.</p>
  ${scrollingTable(
    'as-known-table',
    html`<table class="govuk-table" id="as-known-table">
    <caption class="govuk-table__caption govuk-table__caption--m" id="as-known-table-caption">Children with open flags or warnings (${rows.first}–${rows.first + rows.items.length - 1} of ${rows.total})</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row">
      <th scope="col" class="govuk-table__header">Child</th><th scope="col" class="govuk-table__header">Team</th>
      <th scope="col" class="govuk-table__header">Social worker</th><th scope="col" class="govuk-table__header">Legal status</th>
      <th scope="col" class="govuk-table__header">Age band</th><th scope="col" class="govuk-table__header">Flags and warnings</th></tr></thead>
    <tbody class="govuk-table__body">${rows.items.map(
      (row) => html`<tr class="govuk-table__row" data-child="${row.childId}">
      <td class="govuk-table__cell"><a class="govuk-link" href="/panel/children/${encodeURIComponent(row.childId)}?asAt=${asAt}&amp;knownAt=${encodeURIComponent(knownAt)}">${row.name || row.childRef}</a><br><span class="govuk-body-s cj-muted">${row.childRef}</span></td>
      <td class="govuk-table__cell">${row.team ?? 'Not allocated'}</td>
      <td class="govuk-table__cell">${row.socialWorker === undefined ? 'Not allocated' : workerWords(row.socialWorker, workerName?.(row.socialWorker))}</td>
      <td class="govuk-table__cell">${row.legalStatus ?? '–'}</td>
      <td class="govuk-table__cell">${AGE_BAND_TEXT[row.ageBand ?? ''] ?? 'Not known'}</td>
      <td class="govuk-table__cell">${flagList(row)}</td></tr>`,
    )}</tbody></table>`,
  )}`;
}

/** One live read at knownAt: what its report was built from, against this replay. */
function readAtWords(read: DriftReadAt): string {
  const { complete, position, head, behind } = read.readModels;
  const who = `${read.readBy} (${read.role.replace('_', ' ')}) read ${read.route || 'the drift report'}`;
  if (complete)
    return `${who}: that report was built from every entry in the log, up to position ${position ?? 'none'}, so this replay shows what it showed.`;
  const entries = behind === '1' ? '1 entry' : `${Number(behind).toLocaleString('en-GB')} entries`;
  return `${who}: that report was incomplete. It was built from the log up to position ${position ?? 'none'} only, ${entries} behind its head (${head ?? 'none'}), while the read models caught up; this replay counts every entry recorded by then, so it shows more than that reader saw.`;
}

function readsAtNotice(readsAt: readonly DriftReadAt[] | undefined): SafeHtml {
  if (!readsAt || readsAt.length === 0) return html``;
  const incomplete = readsAt.some((read) => !read.readModels.complete);
  return html`<div class="${incomplete ? 'govuk-warning-text' : 'govuk-inset-text'}" id="reads-at-known-at">
    ${incomplete ? html`<span class="govuk-warning-text__icon" aria-hidden="true">!</span>` : html``}
    <div class="${incomplete ? 'govuk-warning-text__text' : ''}"><p class="govuk-body govuk-!-font-weight-bold">The live drift report was read at this moment</p>
    <ul class="govuk-list govuk-list--bullet">${readsAt.map((read) => html`<li data-position="${read.readModels.position ?? ''}" data-behind="${read.readModels.behind}">${readAtWords(read)}</li>`)}</ul></div></div>`;
}

/** Which rules judged the replay: this build's and today's thresholds, whatever was in force at K. */
function rulesNotice(report: AuthorityDriftAsKnown): SafeHtml {
  const ids = report.judgedWith.ruleIds;
  const range = ids.length > 1 ? `${ids[0]}–${ids[ids.length - 1]}` : ids.join('');
  return html`<p class="govuk-body" id="as-known-rules">Judged with the drift rules of this version of Care Journey (${range}) and the thresholds configured now, not necessarily those in force on ${formatInstant(report.knownAt)}: a rule added or a threshold changed since then can show flags nobody could have seen at the time.</p>`;
}

function results(model: AsKnownDriftPageModel): SafeHtml {
  const { query, report, rows } = model;
  if (!report || !rows) return html``;
  const children = report.children.filter((row) => row.flags.length > 0).length;
  return html`<p class="govuk-body-l" id="as-known-summary">As at ${formatDate(report.asAt)}, as known at ${formatInstant(report.knownAt)}:
      <strong>${plural(report.openFlags, 'open flag')}</strong> for ${plural(children, 'child', 'children')}, and ${plural(report.dueSoon, 'warning')} due within ${report.dueWithinDays} days.</p>
    ${notCheckedNotice(model.notChecked)}
    ${readsAtNotice(model.readsAt)}
    <p class="govuk-body" id="as-known-basis">Replayed from ${plural(report.eventsKnown, 'event')} recorded by then (of ${report.eventsRead.toLocaleString('en-GB')} journey events in the log up to position ${report.head ?? '0'}), for ${plural(report.childrenKnown, 'child', 'children')} on record.</p>
    ${rulesNotice(report)}
    ${byRule(report)}
    <p class="govuk-body"><a class="govuk-link" id="as-known-csv" href="${asKnownDriftUrl(query, undefined, AS_KNOWN_DRIFT_CSV)}" download>Download every matching child as CSV</a> (the live report's columns, the social worker's name near the end, before days open; kept in the read-access trail)</p>
    ${table(query, rows, model.workerName)}
    ${pagination(rows, (p) => asKnownDriftUrl(query, p), 'Pages of the report')}`;
}

export function asKnownDriftPage(model: AsKnownDriftPageModel): SafeHtml {
  const content = html`
    ${errorSummary(model.query.errors)}
    <span class="govuk-caption-l">Audit</span>
    <h1 class="govuk-heading-l">Drift report as known at a time</h1>
    <p class="govuk-body">The whole authority's drift flags as they stood on a date, worked out again from only the entries recorded by a moment you choose: what had been recorded by then, judged by this version's rules. Corrections recorded later do not count. Each page you read is kept in the read-access trail.</p>
    ${form(model.query)}
    ${results(model)}`;
  return page({
    title: 'Drift report as known at a time',
    content,
    user: model.user,
    active: 'audit-drift',
    csrfToken: model.csrfToken,
    hasErrors: model.query.errors.length > 0,
  });
}
