/**
 * Print: the drift report becomes the panel pack. Navigation, filters and buttons go; every
 * child row stays whole; links print as plain text; the table header repeats on each page.
 */
export const PRINT_CSS = `
@page { size: A4 landscape; margin: 12mm; }
.govuk-service-navigation__wrapper, .cj-account, .govuk-phase-banner, .govuk-skip-link, .cj-filters, .cj-replay, .govuk-button, .govuk-button-group,
.cj-no-print, .govuk-pagination, .govuk-back-link, .govuk-footer, .govuk-error-summary, form { display: none !important; }
.cj-print-only { display: inline !important; }
p.cj-print-only { display: block !important; }
body, .govuk-template__body { background: #fff !important; }
.govuk-width-container { max-width: none !important; margin: 0 !important; }
.govuk-main-wrapper { padding: 0 !important; }
a, a:visited { color: #000 !important; text-decoration: none !important; }
.govuk-table { font-size: 10pt; }
.govuk-table__head { display: table-header-group; }
.govuk-table__row { break-inside: avoid; page-break-inside: avoid; }
.govuk-tag { border: 1px solid #000; background: #fff !important; color: #000 !important; }
.cj-by-rule { break-after: page; }
details.govuk-details > .govuk-details__text { display: block !important; }
details.govuk-details::details-content { content-visibility: visible; display: contents; }
.cj-chart { display: none; }
.cj-table-scroll { overflow: visible !important; }
`;
