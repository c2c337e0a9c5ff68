/** A 903 table as CSV text (exact header, as written to files by writeReturn). */
import { stringify } from 'csv-stringify/sync';
import { TABLES, TABLE_NAMES, type Return903, type TableName } from '../export903/tables';

export function tableCsv(tables: Return903, name: TableName): string {
  const { columns } = TABLES[name];
  const text = stringify(tables[name], { header: true, columns: [...columns], record_delimiter: '\n' });
  return text.length > 0 ? text : `${columns.join(',')}\n`;
}

export const returnCsv = (tables: Return903): Record<TableName, string> =>
  Object.fromEntries(TABLE_NAMES.map((name) => [name, tableCsv(tables, name)])) as Record<TableName, string>;

/** The table named in a request: by table name (Episodes) or file stem (episodes, placed_for_adoption). */
export function findTable(name: string): TableName | undefined {
  const wanted = name.toLowerCase();
  return TABLE_NAMES.find(
    (t) => t.toLowerCase() === wanted || TABLES[t].file.replace(/\.csv$/, '') === wanted,
  );
}
