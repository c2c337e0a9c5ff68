/**
 * The collection year of a return: from its folder name when it says so ("2024-25", "903_2024_25"),
 * else the first 31 March on or after the latest event date in it (no return holds later dates).
 */
import type { TableName } from '../export903/tables';
import { realDate } from './field-reader';
import type { TableFile } from './read-returns';

const EVENT_DATE_COLUMNS = [
  'DECOM',
  'DEC',
  'REVIEW',
  'MIS_START',
  'MIS_END',
  'DATE_PLACED',
  'DATE_PLACED_CEASED',
  'DATE_INT',
  'DATE_MATCH',
];

export type YearResult = { ok: true; yearEnding: string } | { ok: false; reason: string };

export function yearOfReturn(folder: string, tables: Partial<Record<TableName, TableFile>>): YearResult {
  const named = /(\d{4})[-_](\d{2})$/.exec(folder);
  if (named && (Number(named[1]) + 1) % 100 === Number(named[2]))
    return { ok: true, yearEnding: `${Number(named[1]) + 1}-03-31` };
  let latest = '';
  for (const table of Object.values(tables)) {
    for (const row of table.rows) {
      for (const column of EVENT_DATE_COLUMNS) {
        const date = realDate(row.values[column]);
        if (date !== undefined && date > latest) latest = date;
      }
    }
  }
  if (latest === '')
    return {
      ok: false,
      reason:
        'cannot tell the collection year: no dates in the return and the folder is not named like 2024-25',
    };
  const year = Number(latest.slice(0, 4));
  return { ok: true, yearEnding: latest.slice(5) <= '03-31' ? `${year}-03-31` : `${year + 1}-03-31` };
}
