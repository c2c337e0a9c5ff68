import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { html, type HtmlValue, type SafeHtml } from './html';
import { navigationFor, type NavKey } from './navigation';
import { phaseBannerText } from './phase-banner';
import { sessionEndsNotice, sessionWarning } from './session-warning';

export const SERVICE_NAME = 'Care Journey';

export interface PageOptions {
  title: string;
  content: HtmlValue;
  user?: AuthenticatedUser;
  active?: NavKey;
  /** Needed on every page with a form that posts (the sign-out button included). */
  csrfToken?: string;
  /** Page scripts (chart.js and the charts) go at the end of the body. */
  scripts?: HtmlValue;
  /** Shown above the title, first in <main> (inside a landmark): a back link. */
  beforeContent?: HtmlValue;
  /** When the page has a validation error, "Error: " leads the title (GOV.UK pattern). */
  hasErrors?: boolean;
}

const ROLE_NAMES: Record<AuthenticatedUser['role'], string> = {
  social_worker: 'Social worker',
  panel_member: 'Panel member',
  auditor: 'Auditor',
  reporting_job: 'Reporting job',
  admin: 'Administrator',
};

function serviceNavigation(
  user: AuthenticatedUser | undefined,
  active: NavKey | undefined,
  csrfToken: string | undefined,
): SafeHtml {
  const items = user
    ? navigationFor(user.role).map((item) => {
        const current = item.key === active;
        return html`<li class="govuk-service-navigation__item${current ? ' govuk-service-navigation__item--active' : ''}">
          <a class="govuk-service-navigation__link" href="${item.href}"${current ? html` aria-current="page"` : ''}>${
            current
              ? html`<strong class="govuk-service-navigation__active-fallback">${item.text}</strong>`
              : item.text
          }</a></li>`;
      })
    : [];
  const account = user
    ? html`<div class="cj-account">
        <span class="cj-account__who">${user.name} <span class="cj-account__role">(${ROLE_NAMES[user.role]})</span></span>
        ${user.sessionTimes ? sessionEndsNotice(user.sessionTimes, new Date()) : ''}
        <form method="post" action="/logout" class="cj-account__logout">
          <input type="hidden" name="_csrf" value="${csrfToken ?? ''}">
          <button type="submit" class="govuk-button govuk-button--secondary cj-account__button" data-module="govuk-button">Sign out</button>
        </form>
      </div>`
    : '';
  return html`<section aria-label="Service information" class="govuk-service-navigation" data-module="govuk-service-navigation">
    <div class="govuk-width-container"><div class="govuk-service-navigation__container">
      <span class="govuk-service-navigation__service-name"><a href="/panel/drift" class="govuk-service-navigation__link">${SERVICE_NAME}</a></span>
      ${
        items.length > 0
          ? html`<nav aria-label="Menu" class="govuk-service-navigation__wrapper">
            <ul class="govuk-service-navigation__list" id="navigation">${items}</ul></nav>`
          : ''
      }
      ${account}
    </div></div></section>`;
}

/**
 * The GOV.UK page template, written out. This is a local authority service, not GOV.UK, so it
 * carries no crown header; service navigation names the service instead.
 */
export function page(options: PageOptions): SafeHtml {
  const title = `${options.hasErrors ? 'Error: ' : ''}${options.title} – ${SERVICE_NAME}`;
  return html`<!DOCTYPE html>
<html lang="en" class="govuk-template">
<head>
  <meta charset="utf-8">
  <title>${title}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
  <meta name="theme-color" content="#1d70b8">
  <link rel="icon" sizes="any" href="/assets/images/favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="/assets/govuk/govuk-frontend.min.css">
  <link rel="stylesheet" href="/assets/app/app.css">
  <link rel="stylesheet" href="/assets/app/print.css" media="print">
</head>
<body class="govuk-template__body">
  <script src="/assets/app/js-enabled.js"></script>
  <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
  <header class="govuk-template__header cj-header">${serviceNavigation(options.user, options.active, options.csrfToken)}
    <div class="govuk-width-container cj-width"><div class="govuk-phase-banner">
      <p class="govuk-phase-banner__content">
        <strong class="govuk-tag govuk-phase-banner__content__tag">Alpha</strong>
        <span class="govuk-phase-banner__text">${phaseBannerText(options.user?.role)}</span>
      </p>
    </div></div></header>
  <div class="govuk-width-container cj-width">
    <main class="govuk-main-wrapper${options.beforeContent ? ' cj-main--after-back' : ''}" id="main-content">
      ${options.beforeContent}
      ${options.content}
    </main>
  </div>
  <footer class="govuk-footer cj-footer"><div class="govuk-width-container">
    <h2 class="govuk-visually-hidden">Support links</h2>
    <ul class="govuk-footer__inline-list"><li class="govuk-footer__inline-list-item"><a class="govuk-footer__link" href="/accessibility">Accessibility statement</a></li></ul>
    <p class="govuk-body-s">${SERVICE_NAME}: event-sourced care journeys for looked-after children. Personal data: handle under your authority's data protection policy.</p>
  </div></footer>
  ${
    options.user?.sessionTimes && options.csrfToken
      ? html`${sessionWarning(options.user.sessionTimes, new Date())}
  <script src="/assets/app/session-warning.js"></script>`
      : ''
  }
  <script type="module" src="/assets/app/govuk-init.js"></script>
  ${options.scripts}
</body>
</html>`;
}
