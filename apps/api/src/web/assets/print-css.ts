/** Filled in with the drift report. */
export const PRINT_CSS = '';
