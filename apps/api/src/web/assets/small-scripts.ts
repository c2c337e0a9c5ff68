/** GOV.UK Frontend's "JavaScript is on" marker, as its page template does it. */
export const JS_ENABLED_JS = `document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');\n`;

/** Starts GOV.UK Frontend's components (error summary focus, service navigation toggle...). */
export const GOVUK_INIT_JS = `import { initAll } from '/assets/govuk/govuk-frontend.min.js';\ninitAll();\n`;
