/**
 * The monthly series as flat columns, one row per month, for CSV and spreadsheet-free reporting.
 * Column names are the figure's path in the JSON row, so the two formats always agree.
 */
import { stringify } from 'csv-stringify/sync';
import { csvText } from '../csv/csv-cell';
import type { ChildBehind } from './measures/measure-window';
import type { MeasuresRow } from './measures-row';

type Cell = string | number | boolean | null;

/** Text cells (names, references, recorded details) never run as formulas in a spreadsheet. */
const cast = { string: csvText, boolean: (b: boolean): string => (b ? 'true' : 'false') };

function flatten(value: unknown, prefix: string, into: Record<string, Cell>): void {
  if (value === null || typeof value !== 'object') {
    into[prefix] = value === undefined ? null : (value as Cell);
    return;
  }
  for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
}

export function seriesColumns(row: MeasuresRow): Record<string, Cell> {
  const { targets, ...figures } = row;
  const flat: Record<string, Cell> = {};
  flatten(figures, '', flat);
  for (const target of targets) flat[`target.${target.id}.met`] = target.met;
  return flat;
}

export function seriesToCsv(rows: readonly MeasuresRow[]): string {
  const records = rows.map(seriesColumns);
  const columns = records.length > 0 ? Object.keys(records[0]) : ['month'];
  return stringify(records, { header: true, columns, cast });
}

/** Children behind a measure as CSV: with reference and name, or (for reporting jobs) by child id only. */
export function childrenToCsv(children: readonly ChildBehind[], withDetails: boolean): string {
  const records = children.map((child) => {
    const flat: Record<string, Cell> = withDetails
      ? { childId: child.childId, childRef: child.childRef, name: child.name }
      : { childId: child.childId };
    flatten(child.detail, '', flat);
    return flat;
  });
  const columns = Array.from(new Set(records.flatMap((r) => Object.keys(r))));
  return stringify(records, {
    header: true,
    columns: columns.length ? columns : ['childId'],
    cast,
  });
}
