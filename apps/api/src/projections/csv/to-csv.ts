import { stringify } from 'csv-stringify/sync';

export type CsvValue = string | number | boolean | null | undefined;

/** A spreadsheet must never run a cell as a formula (CSV injection): same guard as web/drift/drift-csv.ts. */
export const csvCell = (value: CsvValue): string | number => {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
};

/** One header line, then the rows, every cell guarded. */
export const toCsv = (header: readonly string[], rows: readonly (readonly CsvValue[])[]): string =>
  stringify([[...header], ...rows.map((row) => row.map(csvCell))]);
