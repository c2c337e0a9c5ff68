import { SESSION_HOURS } from '@care-journey/access';
import { SESSION_LIMIT_HOURS } from '../../auth/session-limits';
import { html, type SafeHtml } from '../html/html';
import { SESSION_WARNING_MINUTES } from '../html/session-warning';
import { page, SERVICE_NAME } from '../html/layout';

/** One way the service still fails WCAG 2.2 AA (or GOV.UK practice), in words a user can act on. */
export interface KnownIssue {
  text: string;
  /** The success criterion it fails, or "best practice" where no criterion is failed. */
  criterion: string;
}

/**
 * What the accessibility review of session 11 (test date below) found and is not fixed yet. Keep it
 * honest: remove an item only with the fix, add one whenever a test finds it.
 */
export const KNOWN_ISSUES: readonly KnownIssue[] = [
  // Session 12 fixed the last two the review left: the warning before a sign-in ends, with "Stay
  // signed in" (2.2.1), and the measures pages' tables at 320 px (1.4.10).
];

/** The automated checker the browser tests run on every page (test/e2e/browser/axe-every-page.spec.ts). */
export const AUTOMATED_CHECKER = 'axe-core 4.14';

/** When the service was last tested, and how (the statement's "Preparation of this statement"). */
export const LAST_TESTED = '28 November 2026';

/**
 * The service's accessibility statement, in the GOV.UK model's order: who it is for and what should
 * work, how accessible it is, how to report a problem, the enforcement procedure, the technical
 * information (compliance status and what is not accessible), and how it was tested. Public: anyone
 * must be able to read it, signed in or not.
 */
export function accessibilityStatementPage(issues: readonly KnownIssue[] = KNOWN_ISSUES): SafeHtml {
  const content = html`<div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
    <h1 class="govuk-heading-l">Accessibility statement for ${SERVICE_NAME}</h1>
    <p class="govuk-body">This accessibility statement applies to the ${SERVICE_NAME} web pages (the drift report, find a child, a child’s journey, the record forms, stability and permanence, and the audit pages), run by the local authority that gave you your sign-in.</p>
    <p class="govuk-body">We want as many people as possible to be able to use this service. For example, that means you should be able to:</p>
    <ul class="govuk-list govuk-list--bullet">
      <li>change colours, contrast levels and fonts using browser or device settings</li>
      <li>zoom in up to 400% without the text spilling off the screen</li>
      <li>navigate most of the service using just a keyboard</li>
      <li>navigate most of the service using speech recognition software</li>
      <li>listen to most of the service using a screen reader</li>
      <li>print a child’s page or the drift report as a panel pack</li>
    </ul>
    <p class="govuk-body">Every chart has a table with the same figures beside it, and every flag says in words what it means as well as by colour.</p>
    <p class="govuk-body" id="session-time">Your sign-in lasts ${SESSION_HOURS} hours, and the top of every page says when it ends. ${SESSION_WARNING_MINUTES} minutes before the end, the page warns you and offers “Stay signed in”, which gives you another ${SESSION_HOURS} hours without leaving the page or losing what you have typed. You can do this until ${SESSION_LIMIT_HOURS} hours after you signed in; then you need to sign in again.</p>

    <h2 class="govuk-heading-m">How accessible this service is</h2>
    ${
      issues.length === 0
        ? html`<p class="govuk-body">We know of no part of this service that is not accessible.</p>`
        : html`<p class="govuk-body">We know some parts of this service are not fully accessible:</p>
    <ul class="govuk-list govuk-list--bullet" id="known-issues">${issues.map((issue) => html`<li>${issue.text}</li>`)}</ul>`
    }

    <h2 class="govuk-heading-m">Feedback and contact information</h2>
    <p class="govuk-body">If you need information from this service in a different format, contact your authority’s ${SERVICE_NAME} administrator (the team that gave you your sign-in). Say which page you were on, what you were trying to do and what assistive technology you use, if any. They will reply within 5 working days.</p>

    <h2 class="govuk-heading-m">Reporting accessibility problems with this service</h2>
    <p class="govuk-body">We are always looking to improve the accessibility of this service. If you find any problems not listed on this page or think we are not meeting accessibility requirements, tell your authority’s ${SERVICE_NAME} administrator, giving the address of the page (it is in your browser’s address bar).</p>

    <h2 class="govuk-heading-m">Enforcement procedure</h2>
    <p class="govuk-body">The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the ‘accessibility regulations’). If you are not happy with how we respond to your complaint, <a class="govuk-link" href="https://www.equalityadvisoryservice.com/">contact the Equality Advisory and Support Service (EASS)</a>.</p>

    <h2 class="govuk-heading-m">Technical information about this service’s accessibility</h2>
    <p class="govuk-body">We are committed to making this service accessible, in accordance with the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018.</p>
    <h3 class="govuk-heading-s">Compliance status</h3>
    <p class="govuk-body" id="compliance-status">${
      issues.some((issue) => issue.criterion.startsWith('WCAG'))
        ? html`This service is partially compliant with the <a class="govuk-link" href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a> AA standard, due to the non-compliances listed below.`
        : // No known failure is not full compliance: screen readers and high contrast are untested (below).
          html`This service is partially compliant with the <a class="govuk-link" href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a> AA standard: we know of no failure, but it has not yet been tested with screen readers or high contrast mode, so we do not claim full compliance.`
    }</p>
    <h3 class="govuk-heading-s">Non-accessible content</h3>
    <p class="govuk-body">The content listed below is non-accessible for the following reasons.</p>
    <ul class="govuk-list govuk-list--bullet" id="non-compliances">${issues.map((issue) => html`<li>${issue.text} This fails ${issue.criterion}.</li>`)}</ul>
    <p class="govuk-body">We plan to fix these. Until then, tell your administrator if one stops you doing something, and they will help you do it another way.</p>

    <h2 class="govuk-heading-m">How we tested this service</h2>
    <p class="govuk-body" id="last-tested">This service was last tested on ${LAST_TESTED} against the WCAG 2.2 AA standard, by the team that develops it.</p>
    <h3 class="govuk-heading-s">Checked automatically</h3>
    <p class="govuk-body" id="automated-checks">Every time the service’s tests run, the automated checker ${AUTOMATED_CHECKER} checks every page in a real web browser (Chromium) against its rules for WCAG 2.0, 2.1 and 2.2 at levels A and AA. It checks every page, signed in as each kind of user who can reach it (social worker, panel member, auditor, administrator, reporting job), including every record form, the pages with their error messages, a child’s journey replayed as at a date, the session warning while it is open, error pages, and the widest pages on a 320 pixel wide screen. A page the checker finds a failure on fails the tests. It finds no failure today.</p>
    <p class="govuk-body">An automated checker finds only some kinds of failure. It cannot tell whether text alternatives, headings and labels make sense, whether the reading order is right or whether the service is usable with assistive technology, and it cannot work out the contrast of the words drawn on the timeline’s coloured bars.</p>
    <h3 class="govuk-heading-s">Checked by hand</h3>
    <ul class="govuk-list govuk-list--bullet">
      <li>using the service with a keyboard only (signing in, recording a review, the filters), focus, error messages and their links, headings, tables, the charts’ text alternatives, 320 pixel wide screens and printing</li>
    </ul>
    <h3 class="govuk-heading-s">Not tested yet</h3>
    <p class="govuk-body" id="not-tested">We have not yet tested with screen readers (JAWS, NVDA, VoiceOver) or Windows high contrast mode. No person using a screen reader has tried the service yet, so we cannot say how well it works with one.</p>

    <h2 class="govuk-heading-m">Preparation of this accessibility statement</h2>
    <p class="govuk-body">This statement was prepared on ${LAST_TESTED}. It was last reviewed on ${LAST_TESTED}.</p>
  </div></div>`;
  return page({ title: 'Accessibility statement', content });
}
