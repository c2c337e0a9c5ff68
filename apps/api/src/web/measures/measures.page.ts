import type { MeanIndicator, Scorecard } from '@care-journey/projections';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { describedBy, errorSummary, inlineError, scrollingTable } from '../html/components';
import { formatDate } from '../html/format';
import { html, jsonScript, type SafeHtml } from '../html/html';
import { page } from '../html/layout';
import { authoritySection } from './authority-section';
import { authorityChartSpecs } from './authority-charts';
import type { AuthoritySeries } from './authority-series';
import { chartSpecs, yearLabel } from './chart-specs';
import { chart, td, th } from './figure-parts';
import { indicatorUrl } from './indicator-children.query';
import { meanDaysText } from './mean-days-text';
import type { MeasuresData, MeasuresQuery } from './measures-data';

export interface MeasuresPageModel {
  user: AuthenticatedUser;
  csrfToken: string;
  query: MeasuresQuery;
  data: MeasuresData;
  /** The authority's monthly series against its targets. */
  series: AuthoritySeries;
}

const pct = (value: number | null): string => (value === null ? 'No children' : `${value.toFixed(1)}%`);
const thousands = (n: number): string => n.toLocaleString('en-GB');

/** A figure cell that links to the children behind it; the hidden words say which figure. */
const linkedTd = (text: string, href: string, which: string): SafeHtml =>
  td(
    html`<a class="govuk-link" href="${href}">${text}<span class="govuk-visually-hidden">: the children behind ${which}</span></a>`,
  );

/** A mean of days with what it is made of, to 1 dp beside its threshold: "319.5 (12,140 days / 38 children)". */
const meanDays = (i: MeanIndicator): string =>
  `${meanDaysText(i.meanDays)} (${thousands(i.numerator)} days / ${thousands(i.denominator)} ${i.denominator === 1 ? 'child' : 'children'})`;
function stabilitySection({ data }: MeasuresPageModel): SafeHtml {
  const titles = data.stability[0]?.measures ?? [];
  return html`<h2 class="govuk-heading-m" id="stability">Placement stability (ST1 to ST3)</h2>
    <ul class="govuk-list govuk-list--bullet">${titles.map((m) => html`<li><strong>${m.measure}</strong>: ${m.title}</li>`)}</ul>
    ${chart('stability', 'Line chart of ST1, ST2 and ST3 by year')}
    ${scrollingTable(
      'stability-table',
      html`<table class="govuk-table" id="stability-table"><caption class="govuk-table__caption govuk-table__caption--s" id="stability-table-caption">Stability by year ending 31 March: per cent (children counted / children looked at). Each figure links to the children behind it.</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">${th('Year')}${th('ST1', true)}${th('ST2', true)}${th('ST3', true)}</tr></thead>
      <tbody class="govuk-table__body">${data.stability.map(
        (
          y,
        ) => html`<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${yearLabel(y.yearEnding)}</th>
        ${y.measures.map((m) =>
          linkedTd(
            `${pct(m.percentage)} (${thousands(m.numerator)} / ${thousands(m.denominator)})`,
            indicatorUrl(m.measure, y.yearEnding),
            `${m.measure}, ${yearLabel(y.yearEnding)}`,
          ),
        )}</tr>`,
      )}</tbody></table>`,
    )}`;
}

function permanenceSection({ data }: MeasuresPageModel): SafeHtml {
  const p = data.permanence;
  return html`<h2 class="govuk-heading-m" id="permanence">Time to permanence by route</h2>
    <p class="govuk-body">Days from entering care to each kind of permanence reached from ${formatDate(p.from)} to ${formatDate(p.to)}.</p>
    ${chart('permanence', 'Bar chart of mean and median days to permanence by route')}
    ${scrollingTable(
      'permanence-table',
      html`<table class="govuk-table" id="permanence-table"><caption class="govuk-table__caption govuk-table__caption--s" id="permanence-table-caption">Days to permanence, ${formatDate(p.from)} to ${formatDate(p.to)}</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">${th('Route')}${th('Children', true)}${th('Mean days', true)}${th('Median days', true)}</tr></thead>
      <tbody class="govuk-table__body">${p.byMilestone.map(
        (
          m,
        ) => html`<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${m.milestone.replace(/_/g, ' ')}</th>
        ${td(String(m.children))}${td(meanDaysText(m.meanDays))}${td(meanDaysText(m.medianDays))}</tr>`,
      )}</tbody></table>`,
    )}`;
}

function verdict(meets: boolean | null): SafeHtml {
  if (meets === null) return html`No children`;
  return meets
    ? html`<span class="cj-meets">Meets threshold</span>`
    : html`<span class="cj-below">Above threshold</span>`;
}

function scorecardSection({ data }: MeasuresPageModel): SafeHtml {
  const link = (s: Scorecard, i: MeanIndicator) =>
    linkedTd(
      meanDays(i),
      indicatorUrl(i.indicator, s.periodEnding),
      `${i.indicator}, three years to ${formatDate(s.periodEnding)}`,
    );
  return html`<h2 class="govuk-heading-m" id="scorecard">Adoption scorecard (rolling three-year periods)</h2>
    ${chart('scorecard', 'Line chart of A1, A2 and A10 mean days against their thresholds')}
    ${scrollingTable(
      'scorecard-table',
      html`<table class="govuk-table" id="scorecard-table"><caption class="govuk-table__caption govuk-table__caption--s" id="scorecard-table-caption">A1, A2 and A10: mean days (total days / children counted) against the threshold; A3: per cent (children under 14 months / children who moved in). Each figure links to the children behind it.</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">${th('Three years to')}${th('A1 mean days', true)}${th('A1 threshold', true)}${th('A1')}${th('A2 mean days', true)}${th('A2 threshold', true)}${th('A2')}${th('A10 mean days', true)}${th('A10 threshold (A1’s)', true)}${th('A3 under 14 months', true)}</tr></thead>
      <tbody class="govuk-table__body">${data.scorecards.map(
        (s) => html`<tr class="govuk-table__row">
        <th scope="row" class="govuk-table__header">${formatDate(s.periodEnding)}</th>
        ${link(s, s.A1)}${td(String(s.A1.thresholdDays))}${td(verdict(s.A1.meetsThreshold), false)}
        ${link(s, s.A2)}${td(String(s.A2.thresholdDays))}${td(verdict(s.A2.meetsThreshold), false)}
        ${link(s, s.A10)}${td(`${s.A10.thresholdDays}: ${s.A10.meetsThreshold === null ? 'no children' : s.A10.meetsThreshold ? 'meets' : 'above'}`)}
        ${linkedTd(
          `${pct(s.A3.percentage)} (${thousands(s.A3.numerator)} / ${thousands(s.A3.denominator)})`,
          indicatorUrl('A3', s.periodEnding),
          `A3, three years to ${formatDate(s.periodEnding)}`,
        )}</tr>`,
      )}</tbody></table>`,
    )}`;
}

export function measuresPage(model: MeasuresPageModel): SafeHtml {
  const { query } = model;
  const err = (id: string) => query.errors.filter((e) => e.fieldId === id).map((e) => e.message);
  // The error is tied to its input for a screen reader, and styled, as on the record forms.
  const errorClass = (id: string) => (err(id).length ? ' govuk-input--error' : '');
  const content = html`${errorSummary(query.errors)}
    <span class="govuk-caption-l">Permanency panel</span>
    <h1 class="govuk-heading-l">Stability and permanence</h1>
    <form method="get" action="/panel/measures" id="measures-years" class="cj-replay" novalidate aria-label="Choose the years">
      <div class="cj-replay__grid">
        <div class="govuk-form-group${err('yearEnding').length ? ' govuk-form-group--error' : ''}"><label class="govuk-label govuk-label--s" for="yearEnding">Latest year ending</label>
          <div id="yearEnding-hint" class="govuk-hint">A 31 March that has passed, for example 2025-03-31</div>${inlineError('yearEnding', err('yearEnding'))}
          <input class="govuk-input govuk-input--width-10${errorClass('yearEnding')}" id="yearEnding" name="yearEnding" type="text" inputmode="numeric" value="${query.raw.yearEnding || query.yearEnding}" aria-describedby="${describedBy('yearEnding', true, err('yearEnding').length > 0)}"></div>
        <div class="govuk-form-group${err('years').length ? ' govuk-form-group--error' : ''}"><label class="govuk-label govuk-label--s" for="years">Years to show</label>${inlineError('years', err('years'))}
          <input class="govuk-input govuk-input--width-3${errorClass('years')}" id="years" name="years" type="text" inputmode="numeric" value="${query.raw.years || String(query.years)}"${err('years').length ? html` aria-describedby="years-error"` : ''}></div>
        <div class="govuk-form-group"><button type="submit" class="govuk-button" data-module="govuk-button">Show</button></div>
      </div>
    </form>
    ${stabilitySection(model)}
    ${permanenceSection(model)}
    ${scorecardSection(model)}
    ${authoritySection(model.series)}`;
  const scripts = html`${jsonScript('chart-data', { ...chartSpecs(model.data), ...authorityChartSpecs(model.series) })}
    <script src="/assets/chart.js/chart.umd.min.js"></script><script src="/assets/app/charts.js"></script>`;
  return page({
    title: 'Stability and permanence',
    content,
    scripts,
    user: model.user,
    active: 'measures',
    csrfToken: model.csrfToken,
    hasErrors: query.errors.length > 0,
  });
}
