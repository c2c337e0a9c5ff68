import { stringify } from 'csv-stringify/sync';
import { csvCell, csvText, type CsvValue } from '@care-journey/projections';

/**
 * Every CSV the API writes guards its cells with `csvCell` / `csvText` (CSV injection: a spreadsheet
 * must never run a cell as a formula). The guard lives in libs/projections so the libraries' CSV
 * writers (measures, import report) share it; the SSDA903 return alone is written as recorded.
 */
export { csvCell, csvText, type CsvValue };

/** One header line, then the rows, every cell guarded. */
export const toCsv = (header: readonly string[], rows: readonly (readonly CsvValue[])[]): string =>
  stringify([[...header], ...rows.map((row) => row.map(csvCell))]);

/** csv-stringify's `cast` that guards every text cell of records written with `header: true`. */
export const GUARDED_CAST = {
  string: csvText,
  boolean: (value: boolean): string => (value ? 'true' : 'false'),
};
