import { html, type SafeHtml } from '../html/html';

/** Pieces every chart-and-table section of the measures page shares. */
export const th = (text: string, numeric = false): SafeHtml =>
  html`<th scope="col" class="govuk-table__header${numeric ? ' govuk-table__header--numeric' : ''}">${text}</th>`;

export const td = (text: string | SafeHtml, numeric = true): SafeHtml =>
  html`<td class="govuk-table__cell${numeric ? ' govuk-table__cell--numeric' : ''}">${text}</td>`;

/** A canvas chart.js draws into; without JavaScript its text points at the table beneath. */
export function chart(id: string, label: string): SafeHtml {
  return html`<div class="cj-chart"><canvas data-chart="${id}" id="chart-${id}" role="img" aria-label="${label}. The figures are in the table below.">
    <p class="govuk-body">${label}: this chart needs JavaScript. The figures are in the table below.</p></canvas></div>`;
}
