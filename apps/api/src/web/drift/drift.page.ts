import { codesOf, codeMeaning } from '@care-journey/journey';
import { AGE_BANDS, DRIFT_RULES, type DriftReportRow, type WorkingCalendar } from '@care-journey/projections';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import {
  describedBy,
  errorSummary,
  inlineError,
  selectOptions,
  tag,
  type FieldMessage,
  scrollingTable,
} from '../html/components';
import { AGE_BAND_TEXT, formatDate, plural } from '../html/format';
import { closedDayWords, dueWords, openFlagStatus } from '../html/flag-words';
import { html, type SafeHtml } from '../html/html';
import { workerWords } from '../html/worker-words';
import { page } from '../html/layout';
import { driftUrl, type DriftQuery, type DriftSort } from './drift-query';
import { worstOverdue, type DriftView } from './drift-view';
import { asRecordedText, isPastReport } from './as-recorded';
import { isProjection, projectionText } from './projection';
import { printBasis, type FlagBasis } from './print-evidence';
import type { RuleNotChecked } from './rule-meanings';
import { notCheckedNotice } from './not-checked-notice';
import { incompleteText, type ReadModelsServed } from './read-models-served';
import { teamChoice } from './team-choice';

export interface DriftPageModel {
  user: AuthenticatedUser;
  csrfToken: string;
  query: DriftQuery;
  view: DriftView;
  /** How far the read models the report was built from had got (absent: taken as complete). */
  served?: ReadModelsServed;
  showNames: boolean;
  /** Each rule in a sentence with its thresholds (rule-meanings.ts). */
  ruleMeanings: ReadonlyMap<string, string>;
  /** Rules the settings switch off (rule-meanings.ts), said under the headline. */
  notChecked?: readonly RuleNotChecked[];
  /** A social worker's display name from the users file (absent, or unknown: the username is shown). */
  workerName?: (username: string) => string | undefined;
  /** The calendar the rules count working days with (a council's extra bank holidays): marks a due date on a closed day. */
  calendar: WorkingCalendar;
}

/** "Olu Other (demo) (sw.other.demo)" where the users file names the worker, else the username. */
const workerText = ({ workerName, showNames }: DriftPageModel, username: string): string =>
  workerWords(username, showNames ? workerName?.(username) : undefined);

function field(
  id: string,
  label: string,
  control: SafeHtml,
  errors: readonly FieldMessage[],
  width = '',
): SafeHtml {
  const messages = errors.filter((e) => e.fieldId === id).map((e) => e.message);
  return html`<div class="govuk-form-group cj-filter ${width}${messages.length ? ' govuk-form-group--error' : ''}">
    <label class="govuk-label govuk-label--s" for="${id}">${label}</label>${inlineError(id, messages)}${control}</div>`;
}

function filters(model: DriftPageModel): SafeHtml {
  const { query, view } = model;
  const r = query.raw;
  const e = query.errors;
  const hasError = (id: string) => e.some((x) => x.fieldId === id);
  const errorClass = (id: string, kind = 'input') => (hasError(id) ? ` govuk-${kind}--error` : '');
  // A screen reader hears the hint and the error with the field (GOV.UK pattern), as on the record forms.
  const describe = (id: string, hasHint = false): SafeHtml => {
    const ids = describedBy(id, hasHint, hasError(id));
    return ids ? html` aria-describedby="${ids}"` : html``;
  };
  const select = (id: string, options: { value: string; text: string }[], all: string, selected = r[id]) =>
    html`<select class="govuk-select${errorClass(id, 'select')}" id="${id}" name="${id}"${describe(id)}>${selectOptions(options, selected, all)}</select>`;
  const team = teamChoice(view.teams, r.team);
  return html`<form method="get" action="/panel/drift" id="drift-filters" class="cj-filters" novalidate aria-label="Filter the report">
    <h2 class="govuk-heading-m">Filter</h2>
    <div class="cj-filters__grid">
      ${field(
        'asAt',
        'As at date',
        html`<div id="asAt-hint" class="govuk-hint">For example, 2025-03-31</div>
        <input class="govuk-input govuk-input--width-10${errorClass('asAt')}" id="asAt" name="asAt" type="text" inputmode="numeric" value="${r.asAt || query.asAt}"${describe('asAt', true)}>`,
        e,
      )}
      ${field(
        'rule',
        'Rule',
        select(
          'rule',
          DRIFT_RULES.map((rule) => ({ value: rule.id, text: `${rule.id} ${rule.title}` })),
          'All rules',
        ),
        e,
      )}
      ${field('team', 'Team', select('team', team.options, 'All teams', team.selected), e)}
      ${field(
        'socialWorker',
        'Social worker',
        select(
          'socialWorker',
          view.socialWorkers.map((t) => ({ value: t, text: workerText(model, t) })),
          'All social workers',
        ),
        e,
      )}
      ${field(
        'legalStatus',
        'Legal status',
        select(
          'legalStatus',
          codesOf('LS').map((c) => ({ value: c, text: `${c} ${codeMeaning('LS', c) ?? ''}` })),
          'All legal statuses',
        ),
        e,
      )}
      ${field(
        'ageBand',
        'Age band',
        select(
          'ageBand',
          AGE_BANDS.map((b) => ({ value: b, text: AGE_BAND_TEXT[b] })),
          'All ages',
        ),
        e,
      )}
      ${field('minDaysOverdue', 'At least this many days overdue (or open, for a standing condition)', html`<input class="govuk-input govuk-input--width-4${errorClass('minDaysOverdue')}" id="minDaysOverdue" name="minDaysOverdue" type="text" inputmode="numeric" value="${r.minDaysOverdue}"${describe('minDaysOverdue')}>`, e)}
      ${field('dueWithinDays', 'Warn when due within (days)', html`<input class="govuk-input govuk-input--width-4${errorClass('dueWithinDays')}" id="dueWithinDays" name="dueWithinDays" type="text" inputmode="numeric" value="${r.dueWithinDays || String(view.report.dueWithinDays)}"${describe('dueWithinDays')}>`, e)}
    </div>
    <input type="hidden" name="sort" value="${r.sort}"><input type="hidden" name="dir" value="${r.dir}">
    <div class="govuk-button-group">
      <button type="submit" class="govuk-button" data-module="govuk-button">Apply filters</button>
      <a class="govuk-link" href="/panel/drift">Clear filters</a>
    </div>
  </form>`;
}

const COLUMNS: { sort: DriftSort; text: string; numeric?: boolean }[] = [
  { sort: 'child', text: 'Child' },
  { sort: 'team', text: 'Team' },
  { sort: 'socialWorker', text: 'Social worker' },
  { sort: 'legalStatus', text: 'Legal status' },
  { sort: 'ageBand', text: 'Age band' },
  { sort: 'flags', text: 'Flags and warnings' },
  { sort: 'overdue', text: 'Most days overdue', numeric: true },
];

function sortHeader(query: DriftQuery, column: (typeof COLUMNS)[number]): SafeHtml {
  const current = query.sort === column.sort;
  const nextDir = current
    ? query.descending
      ? 'asc'
      : 'desc'
    : column.numeric || column.sort === 'flags'
      ? 'desc'
      : 'asc';
  const ariaSort = current ? (query.descending ? 'descending' : 'ascending') : 'none';
  const arrow = current ? (query.descending ? ' ▼' : ' ▲') : '';
  return html`<th scope="col" class="govuk-table__header${column.numeric ? ' govuk-table__header--numeric' : ''}" aria-sort="${ariaSort}">
    <a class="govuk-link cj-sort" href="${driftUrl(query, { sort: column.sort, dir: nextDir, page: undefined })}">${column.text}<span aria-hidden="true">${arrow}</span><span class="govuk-visually-hidden">, sort ${nextDir === 'asc' ? 'ascending' : 'descending'}</span></a></th>`;
}

/** `basis`: on the one-page (print) view, the line saying what each flag rests on. */
function flagList(row: DriftReportRow, calendar: WorkingCalendar, basis?: FlagBasis): SafeHtml {
  return html`<ul class="govuk-list cj-flags">
    ${row.flags.map(
      (f) => html`<li class="cj-flag cj-flag--overdue">${tag(openFlagStatus(f), 'red')}
      <span class="cj-flag__rule">${f.ruleId}</span> ${f.title}<span class="cj-flag__due">${dueWords(f)}</span>${basis ? html`<br>${basis(f)}` : ''}</li>`,
    )}
    ${row.dueSoon.map(
      (
        w,
      ) => html`<li class="cj-flag cj-flag--soon">${tag(w.daysUntilDue === 0 ? 'Due today' : `Due in ${plural(w.daysUntilDue, 'day')}`, 'yellow')}
      <span class="cj-flag__rule">${w.ruleId}</span> ${w.title}<span class="cj-flag__due">, due ${formatDate(w.dueDate)}${closedDayWords(w.dueDate, calendar)}</span>${basis ? html`<br>${basis(w)}` : ''}</li>`,
    )}
  </ul>`;
}

function childCell(row: DriftReportRow, asAt: string, showNames: boolean): SafeHtml {
  const href = `/panel/children/${encodeURIComponent(row.childId)}?asAt=${asAt}`;
  return showNames && row.name
    ? html`<a class="govuk-link" href="${href}">${row.name}</a><br><span class="govuk-body-s cj-muted">${row.childRef}</span>`
    : html`<a class="govuk-link" href="${href}">${row.childRef}</a>`;
}

function table(model: DriftPageModel): SafeHtml {
  const { query, view, showNames } = model;
  if (view.rows.length === 0)
    return html`<p class="govuk-body govuk-!-font-weight-bold" id="no-results">No child has an open flag or warning that matches these filters as at ${formatDate(query.asAt)}.</p>`;
  // The pack adds the threshold; the screen has it in the rules table (review s15-iro F6).
  const basisOf = printBasis(view.summaries, view.rows, showNames, query.all);
  return scrollingTable(
    'drift-table',
    html`<table class="govuk-table cj-drift-table" id="drift-table">
    <caption class="govuk-table__caption govuk-table__caption--m" id="drift-table-caption">Children with open flags or warnings as at ${formatDate(query.asAt)}</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row">${COLUMNS.map((c) => sortHeader(query, c))}</tr></thead>
    <tbody class="govuk-table__body">
      ${view.rows.map(
        (row) => html`<tr class="govuk-table__row" data-child="${row.childId}">
        <td class="govuk-table__cell">${childCell(row, query.asAt, showNames)}</td>
        <td class="govuk-table__cell">${row.team ?? 'Not allocated'}</td>
        <td class="govuk-table__cell">${row.socialWorker === undefined ? 'Not allocated' : workerText(model, row.socialWorker)}</td>
        <td class="govuk-table__cell"><abbr title="${codeMeaning('LS', row.legalStatus ?? '') ?? ''}">${row.legalStatus ?? '–'}</abbr></td>
        <td class="govuk-table__cell">${AGE_BAND_TEXT[row.ageBand ?? ''] ?? 'Not known'}</td>
        <td class="govuk-table__cell">${flagList(row, model.calendar, basisOf?.(row))}</td>
        <td class="govuk-table__cell govuk-table__cell--numeric">${worstOverdue(row) >= 0 ? worstOverdue(row) : '–'}</td>
      </tr>`,
      )}
    </tbody></table>`,
  );
}

function pagination({ query, view }: DriftPageModel): SafeHtml {
  if (view.pages <= 1) return html``;
  const link = (p: number) => driftUrl(query, { page: String(p) });
  return html`<nav class="govuk-pagination" aria-label="Pages of the report">
    ${view.page > 1 ? html`<div class="govuk-pagination__prev"><a class="govuk-link govuk-pagination__link" href="${link(view.page - 1)}" rel="prev"><span class="govuk-pagination__link-title">Previous<span class="govuk-visually-hidden"> page</span></span></a></div>` : ''}
    <ul class="govuk-pagination__list">${Array.from({ length: view.pages }, (_, i) => i + 1).map((p) =>
      p === view.page
        ? html`<li class="govuk-pagination__item govuk-pagination__item--current"><a class="govuk-link govuk-pagination__link" href="${link(p)}" aria-label="Page ${p}" aria-current="page">${p}</a></li>`
        : html`<li class="govuk-pagination__item"><a class="govuk-link govuk-pagination__link" href="${link(p)}" aria-label="Page ${p}">${p}</a></li>`,
    )}</ul>
    ${view.page < view.pages ? html`<div class="govuk-pagination__next"><a class="govuk-link govuk-pagination__link" href="${link(view.page + 1)}" rel="next"><span class="govuk-pagination__link-title">Next<span class="govuk-visually-hidden"> page</span></span></a></div>` : ''}
  </nav>`;
}

function byRule({ query, view, ruleMeanings }: DriftPageModel): SafeHtml {
  return html`<details class="govuk-details cj-by-rule" open><summary class="govuk-details__summary"><span class="govuk-details__summary-text">Flags by rule</span></summary>
    <div class="govuk-details__text">${scrollingTable(
      'by-rule',
      html`<table class="govuk-table" id="by-rule">
    <caption class="govuk-table__caption govuk-table__caption--s" id="by-rule-caption">Open flags and warnings by rule as at ${formatDate(query.asAt)}</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row"><th scope="col" class="govuk-table__header">Rule</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">Open flags</th>
      <th scope="col" class="govuk-table__header govuk-table__header--numeric">Due within ${view.report.dueWithinDays} days</th></tr></thead>
    <tbody class="govuk-table__body">${view.report.byRule.map(
      (r) => html`<tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header"><a class="govuk-link" href="${driftUrl(query, { rule: r.ruleId, page: undefined })}">${r.ruleId} ${r.title}</a>
        <span class="govuk-hint govuk-!-font-size-16 govuk-!-font-weight-regular govuk-!-margin-bottom-0 cj-rule-meaning">${ruleMeanings.get(r.ruleId) ?? ''}</span></th>
      <td class="govuk-table__cell govuk-table__cell--numeric">${r.open}</td><td class="govuk-table__cell govuk-table__cell--numeric">${r.dueSoon}</td></tr>`,
    )}
    </tbody></table>`,
    )}</div></details>`;
}

/** A report for a date after today is a projection: said before the figures, and printed with them. */
function projectionNotice(query: DriftQuery): SafeHtml {
  if (!isProjection(query.asAt, query.today)) return html``;
  return html`<div class="govuk-warning-text" id="projection-notice">
    <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
    <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>${projectionText(query.asAt, query.today)}</strong></div>`;
}

/** A report for a date before today counts entries recorded since: said before the figures, and printed. */
function asRecordedNotice(query: DriftQuery): SafeHtml {
  if (!isPastReport(query.asAt, query.today)) return html``;
  return html`<div class="govuk-inset-text" id="as-recorded-notice">${asRecordedText(query.asAt, query.today)}</div>`;
}

/** Read models still catching up: the report misses what they have not applied, said first and printed. */
function incompleteNotice(served: ReadModelsServed | undefined): SafeHtml {
  if (!served || served.complete) return html``;
  return html`<div class="govuk-warning-text" id="incomplete-notice" role="alert" data-behind="${served.behind}" data-position="${served.position ?? ''}">
    <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
    <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>${incompleteText(served)}</strong></div>`;
}

export function driftPage(model: DriftPageModel): SafeHtml {
  const { query, view } = model;
  const childrenWithFlags = view.matching.filter((r) => r.flags.length > 0).length;
  const flags = view.matching.reduce((n, r) => n + r.flags.length, 0);
  const soon = view.matching.reduce((n, r) => n + r.dueSoon.length, 0);
  const content = html`
    ${errorSummary(query.errors)}
    <span class="govuk-caption-l">Permanency panel</span>
    <h1 class="govuk-heading-l">Drift report <span class="cj-print-only">(panel pack)</span></h1>
    ${incompleteNotice(model.served)}
    ${projectionNotice(query)}
    ${asRecordedNotice(query)}
    <p class="govuk-body-l" id="report-summary">${isProjection(query.asAt, query.today) ? 'Projected as at' : 'As at'} ${formatDate(query.asAt)}: <strong>${plural(flags, 'open flag')}</strong> for ${plural(childrenWithFlags, 'child', 'children')},
      and ${plural(soon, 'warning')} due within ${view.report.dueWithinDays} days${model.served && !model.served.complete ? ' so far (incomplete)' : ''}.</p>
    ${notCheckedNotice(model.notChecked)}
    <div class="govuk-button-group cj-no-print">
      <a class="govuk-button govuk-button--secondary" data-module="govuk-button" href="${driftUrl(query, { page: undefined }, '/panel/drift.csv')}" download>Download CSV</a>
      <a class="govuk-link" href="${driftUrl(query, { all: '1', page: undefined })}">Show every child on one page (to print the panel pack)</a>
    </div>
    ${filters(model)}
    ${byRule(model)}
    ${table(model)}
    ${pagination(model)}
    <p class="govuk-body-s cj-print-only">Printed from Care Journey. Flags are ${isProjection(query.asAt, query.today) ? `projected, as at ${formatDate(query.asAt)}, from what was recorded by ${formatDate(query.today)}` : isPastReport(query.asAt, query.today) ? `as at ${formatDate(query.asAt)}, from what was recorded by ${formatDate(query.today)}` : `as at ${formatDate(query.asAt)}`}; check the case record before acting.</p>`;
  return page({
    title: 'Drift report',
    content,
    user: model.user,
    active: 'drift',
    csrfToken: model.csrfToken,
    hasErrors: query.errors.length > 0,
  });
}
