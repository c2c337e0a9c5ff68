import type { AuthenticatedUser } from '../../auth/authenticated-user';
import {
  backLink,
  describedBy,
  errorSummary,
  inlineError,
  scrollingTable,
  summaryList,
  tag,
} from '../html/components';
import { formatDate } from '../html/format';
import { html, type SafeHtml } from '../html/html';
import { page } from '../html/layout';
import { pagination, type PageOf } from '../html/pagination';
import { td, th } from './figure-parts';
import type { IndicatorChild, IndicatorChildren } from './indicator-children';
import { indicatorUrl, type IndicatorQuery } from './indicator-children.query';
import { meanDaysText } from './mean-days-text';

export interface IndicatorPageModel {
  user: AuthenticatedUser;
  csrfToken: string;
  query: IndicatorQuery;
  indicator: IndicatorChildren;
  list: PageOf<IndicatorChild>;
  /** Reporting jobs see 903 references only. */
  showNames: boolean;
  /** Children behind the figure allocated to teams other than the social worker's: counted, not listed. */
  childrenOutsideYourTeams: number;
}

const thousands = (n: number): string => n.toLocaleString('en-GB');

/** "12.5% (3 / 24)" or "319.5 days mean (12,140 days / 38 children)": the figure with what it is made of. */
export function indicatorFigure(i: IndicatorChildren): string {
  if (i.kind === 'share')
    return `${i.figure === null ? 'No children' : `${i.figure.toFixed(1)}%`} (${thousands(i.numerator)} / ${thousands(i.denominator)})`;
  const mean = i.figure === null ? 'No children' : `${meanDaysText(i.figure)} days mean`;
  return `${mean} (${thousands(i.numerator)} days / ${thousands(i.denominator)} ${i.denominator === 1 ? 'child' : 'children'})`;
}

function figures(i: IndicatorChildren): SafeHtml {
  const period = i.periodStart
    ? `${formatDate(i.periodStart)} to ${formatDate(i.yearEnding)}`
    : `Year ending ${formatDate(i.yearEnding)}`;
  const rows: [string, SafeHtml | string][] =
    i.kind === 'share'
      ? [
          ['Numerator', `${thousands(i.numerator)}: ${(i.countedMeans ?? '').toLowerCase()}`],
          ['Denominator', `${thousands(i.denominator)} children looked at`],
          ['Per cent', i.figure === null ? 'No children' : `${i.figure.toFixed(1)}%`],
        ]
      : [
          ['Numerator', `${thousands(i.numerator)} days in total`],
          ['Denominator', `${thousands(i.denominator)} children counted`],
          ['Mean', i.figure === null ? 'No children' : `${meanDaysText(i.figure)} days`],
        ];
  if (i.thresholdDays !== undefined)
    rows.push([
      'Threshold',
      html`${thousands(i.thresholdDays)} days: ${
        i.meetsThreshold === null || i.meetsThreshold === undefined
          ? 'no children to judge'
          : i.meetsThreshold
            ? tag('Meets threshold', 'green')
            : tag('Above threshold', 'red')
      }`,
    ]);
  return html`<p class="govuk-body">${period}.</p><div id="indicator-figures">${summaryList([...rows])}</div>`;
}

function childCell(c: IndicatorChild, showNames: boolean): SafeHtml {
  const href = `/panel/children/${encodeURIComponent(c.childId)}`;
  return showNames && c.name
    ? html`<a class="govuk-link" href="${href}">${c.name}</a><br><span class="govuk-body-s cj-muted">${c.childRef}</span>`
    : html`<a class="govuk-link" href="${href}">${c.childRef}</a>`;
}

/** The figure counts every child of the authority; the list only the reader's teams' children. */
function outsideYourTeams(count: number): SafeHtml | string {
  if (count === 0) return '';
  const children = count === 1 ? '1 child' : `${thousands(count)} children`;
  return html`<p class="govuk-body" id="outside-your-teams">${children} behind this figure ${count === 1 ? 'is' : 'are'} allocated to other teams and not listed: the figure is the authority's, the list shows your teams' children.</p>`;
}

function table({ indicator: i, list, showNames, childrenOutsideYourTeams }: IndicatorPageModel): SafeHtml {
  if (list.total === 0)
    return childrenOutsideYourTeams > 0
      ? html`<p class="govuk-body govuk-!-font-weight-bold" id="no-children">No child of your teams is behind this indicator for this period.</p>`
      : html`<p class="govuk-body govuk-!-font-weight-bold" id="no-children">No child is behind this indicator for this period.</p>`;
  const cell = (value: string, index: number) =>
    i.columns[index].kind === 'number' ? td(value) : td(formatDate(value) || '–', false);
  return scrollingTable(
    'indicator-children',
    html`<table class="govuk-table" id="indicator-children">
    <caption class="govuk-table__caption govuk-table__caption--m" id="indicator-children-caption">Children ${thousands(list.first)} to ${thousands(list.first + list.items.length - 1)} of ${thousands(list.total)}</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row">${th('Child')}${i.countedMeans ? th(`In the numerator: ${i.countedMeans.toLowerCase()}`) : ''}${i.columns.map((c) => th(c.text, c.kind === 'number'))}</tr></thead>
    <tbody class="govuk-table__body">${list.items.map(
      (c) => html`<tr class="govuk-table__row" data-child="${c.childId}">
        <td class="govuk-table__cell">${childCell(c, showNames)}</td>
        ${c.counted === undefined ? '' : td(c.counted ? 'Yes' : 'No', false)}
        ${c.cells.map(cell)}</tr>`,
    )}</tbody></table>`,
  );
}

/** One indicator of the measures page: its figures, its threshold and the children behind it. */
export function indicatorChildrenPage(model: IndicatorPageModel): SafeHtml {
  const { indicator: i, query, list } = model;
  const yearErrors = query.errors.filter((e) => e.fieldId === 'yearEnding').map((e) => e.message);
  const content = html`${errorSummary(query.errors)}
    <span class="govuk-caption-l">Stability and permanence</span>
    <h1 class="govuk-heading-l">${i.id}: ${i.title}</h1>
    <form method="get" action="/panel/measures/${i.id}" id="indicator-year" class="cj-replay" novalidate aria-label="Choose the year">
      <div class="govuk-form-group${yearErrors.length ? ' govuk-form-group--error' : ''}"><label class="govuk-label govuk-label--s" for="yearEnding">${i.periodStart ? 'Three years ending' : 'Year ending'}</label>
        <div id="yearEnding-hint" class="govuk-hint">A 31 March that has passed, for example 2025-03-31</div>${inlineError('yearEnding', yearErrors)}
        <input class="govuk-input govuk-input--width-10${yearErrors.length ? ' govuk-input--error' : ''}" id="yearEnding" name="yearEnding" type="text" inputmode="numeric" value="${query.raw.yearEnding || query.yearEnding}" aria-describedby="${describedBy('yearEnding', true, yearErrors.length > 0)}">
        <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">Show</button></div>
    </form>
    ${figures(i)}
    ${outsideYourTeams(model.childrenOutsideYourTeams)}
    ${table(model)}
    ${pagination(list, (p) => indicatorUrl(i.id, i.yearEnding, p), 'Pages of children')}`;
  return page({
    title: `${i.id}: children behind the figure`,
    content,
    user: model.user,
    active: 'measures',
    csrfToken: model.csrfToken,
    hasErrors: query.errors.length > 0,
    beforeContent: backLink(
      `/panel/measures?yearEnding=${i.yearEnding}#${i.periodStart ? 'scorecard' : 'stability'}`,
      'Back to stability and permanence',
    ),
  });
}
