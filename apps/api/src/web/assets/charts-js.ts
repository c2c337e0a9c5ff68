/** Filled in with the measures page. */
export const CHARTS_JS = '';
