import type { MeasureTarget } from '@care-journey/projections';
import { scrollingTable } from '../html/components';
import { html, type SafeHtml } from '../html/html';
import { LOOKED_AFTER_CHART, targetChartId, targetText } from './authority-charts';
import { countsBehind, monthLabel, type AuthoritySeries } from './authority-series';
import { chart, td, th } from './figure-parts';

const figure = (value: number | null, percent: boolean): string =>
  value === null ? 'No children' : percent ? `${value.toFixed(1)}%` : String(value);

/** Met or missed in words; colour only repeats what the words say. */
function verdict(met: boolean | null, target: MeasureTarget): SafeHtml {
  if (met === null) return html`No figure`;
  const missed = target.kind === 'ceiling' ? 'Above target' : 'Below target';
  return met
    ? html`<span class="cj-meets">Meets target</span>`
    : html`<span class="cj-below">${missed}</span>`;
}

function targetBlock(series: AuthoritySeries, target: MeasureTarget, index: number): SafeHtml {
  const id = targetChartId(target);
  const percent = target.measure.endsWith('percentage');
  return html`<div class="cj-figure" id="${id}-figure"><h3 class="govuk-heading-s" id="${id}">${target.label}</h3>
    <p class="govuk-body">Target: ${targetText(target)}, month by month.</p>
    ${chart(id, `Line chart of ${target.label} by month against the target`)}
    ${scrollingTable(
      `${id}-table`,
      html`<table class="govuk-table" id="${id}-table"><caption class="govuk-table__caption govuk-table__caption--s" id="${id}-table-caption">${target.label}, by month</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">${th('Month')}${th('Figure', true)}${th('Children', true)}${th('Target', true)}${th('Against target')}</tr></thead>
      <tbody class="govuk-table__body">${series.rows.map((row) => {
        const result = row.targets[index];
        return html`<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${monthLabel(row.month)}</th>
          ${td(figure(result?.value ?? null, percent))}${td(countsBehind(row, target.measure))}${td(targetText(target))}${td(verdict(result?.met ?? null, target), false)}</tr>`;
      })}</tbody></table>`,
    )}</div>`;
}

function lookedAfterBlock(series: AuthoritySeries): SafeHtml {
  return html`<h3 class="govuk-heading-s" id="${LOOKED_AFTER_CHART}">Children looked after, starts and ceases</h3>
    ${chart(LOOKED_AFTER_CHART, 'Line chart of children looked after, starts and ceases by month')}
    ${scrollingTable(
      `${LOOKED_AFTER_CHART}-table`,
      html`<table class="govuk-table" id="${LOOKED_AFTER_CHART}-table"><caption class="govuk-table__caption govuk-table__caption--s" id="${LOOKED_AFTER_CHART}-table-caption">Looked after at the end of each month, and the month's starts and ceases</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">${th('Month')}${th('Looked after', true)}${th('Rate per 10,000', true)}${th('Started', true)}${th('Ceased', true)}</tr></thead>
      <tbody class="govuk-table__body">${series.rows.map(
        (
          row,
        ) => html`<tr class="govuk-table__row"><th scope="row" class="govuk-table__header">${monthLabel(row.month)}</th>
        ${td(String(row.lookedAfter.count))}${td(row.lookedAfter.ratePer10000 === null ? 'Not set' : row.lookedAfter.ratePer10000.toFixed(1))}${td(String(row.flows.started))}${td(String(row.flows.ceased))}</tr>`,
      )}</tbody></table>`,
    )}`;
}

/** The authority's monthly series: each configured target as a chart with its figures, then the counts. */
export function authoritySection(series: AuthoritySeries): SafeHtml {
  const first = series.rows[0];
  const last = series.rows[series.rows.length - 1];
  const span = first && last ? `${monthLabel(first.month)} to ${monthLabel(last.month)}` : 'no months';
  return html`<h2 class="govuk-heading-m" id="authority">Authority measures by month</h2>
    <p class="govuk-body">Month by month from ${span}, against the targets the authority has set. Counts are at the end of each month.</p>
    ${series.targets.length === 0 ? html`<p class="govuk-body">No targets are configured.</p>` : series.targets.map((target, i) => targetBlock(series, target, i))}
    ${lookedAfterBlock(series)}`;
}
