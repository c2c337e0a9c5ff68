/**
 * The one CSV-injection guard for every CSV we write (API, CLI, import report): a spreadsheet runs a
 * cell that starts with = + - @ (or a tab or carriage return before one) as a formula, so such text
 * gets a leading `'` and is shown as text. Numbers stay numbers: a negative number is data.
 * The SSDA903 return is the one exception: its files are a statutory format read by the DfE's tools,
 * so they are written as recorded (docs/guarantees.md says which of its values are free text).
 */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text for a CSV cell, made safe to open in a spreadsheet. */
export const csvText = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

/** Any cell value: blanks for null/undefined, true/false for booleans, text guarded. */
export const csvCell = (value: CsvValue): string | number => {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return csvText(value);
};
