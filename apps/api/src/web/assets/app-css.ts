/** Filled in with the pages. */
export const APP_CSS = '';
