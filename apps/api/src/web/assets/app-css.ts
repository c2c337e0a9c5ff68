/**
 * Care Journey's additions to GOV.UK Frontend. A local authority service is not GOV.UK, so the
 * GDS Transport typeface gives way to Arial (the Design System's advice for services off GOV.UK).
 */
export const APP_CSS = `
html, body, .govuk-template, [class*="govuk-"], input, select, textarea, button { font-family: arial, sans-serif !important; }
.cj-width { max-width: 1200px; }
/* A back link is first in <main> (inside a landmark): it takes the place of main's top spacing. */
.cj-main--after-back { padding-top: 0; }
/* position: the visually hidden sort words are absolutely placed: they scroll with it, not widen the page. */
.cj-table-scroll { overflow-x: auto; max-width: 100%; position: relative; }
.cj-table-scroll:focus { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: inset 0 0 0 4px #0b0c0c; }
.cj-header .govuk-service-navigation__container { flex-wrap: wrap; align-items: center; }
.cj-account { margin-left: auto; display: flex; gap: 10px; align-items: center; padding: 6px 0; }
.cj-account__who { font-size: 1rem; }
.cj-account__role { color: #484949; }
.cj-account__logout { margin: 0; }
.cj-account__button { margin: 0; }
.cj-account__ends { margin: 0; color: #484949; }
.cj-session-warning { max-width: 34em; padding: 20px 30px 10px; border: 5px solid #0b0c0c; }
.cj-session-warning::backdrop { background: rgba(11, 12, 12, 0.8); }
.cj-session-warning [hidden] { display: none; }
.cj-muted { color: #484949; }
.cj-filters { background: #f3f2f1; padding: 15px 20px 5px; margin-bottom: 30px; }
.cj-filters__grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 0 20px; }
.cj-filters__grid .govuk-select { width: 100%; min-width: 0; }
.cj-filter { margin-bottom: 15px; }
.cj-drift-table .govuk-table__cell { vertical-align: top; }
.cj-flags { margin: 0; }
.cj-flag { margin-bottom: 6px; font-size: 1rem; }
.cj-flag .govuk-tag { font-size: 0.875rem; margin-right: 4px; }
.cj-flag__rule { font-weight: 700; }
.cj-flag__due { color: #484949; }
.cj-rule-meaning { display: block; margin-top: 2px; }
.cj-sort { text-decoration: none; }
.cj-sort:hover { text-decoration: underline; }
.cj-print-only { display: none; }
.cj-timeline { width: 100%; height: auto; border: 1px solid #b1b4b6; background: #fff; }
.cj-timeline text { font-family: arial, sans-serif; font-size: 12px; fill: #0b0c0c; }
.cj-timeline .cj-axis text { fill: #484949; }
.cj-timeline .cj-lane-label { font-weight: 700; }
.cj-timeline a:focus rect, .cj-timeline a:focus circle, .cj-timeline a:focus path { stroke: #0b0c0c; stroke-width: 3px; outline: 3px solid #fd0; }
.cj-legend { display: flex; flex-wrap: wrap; gap: 8px 20px; list-style: none; padding: 0; margin: 10px 0 20px; }
.cj-legend li { display: flex; align-items: center; gap: 6px; font-size: 1rem; }
.cj-legend svg { border: 1px solid #0b0c0c; }
.cj-corrected { font-weight: 700; }
.cj-chart { position: relative; height: 320px; margin-bottom: 15px; }
.cj-replay { background: #f3f2f1; padding: 15px 20px 5px; margin-bottom: 30px; }
.cj-replay__grid { display: flex; flex-wrap: wrap; gap: 0 30px; align-items: flex-end; }
.cj-evidence { font-size: 1rem; }
.cj-event-list .govuk-table__cell, .cj-event-list .govuk-table__header { font-size: 1rem; }
.cj-below { color: #ca3535; font-weight: 700; }
.cj-meets { color: #0f7a52; font-weight: 700; }
`;
