/** Writes a return as one CSV per table, under the conventional file names, headers exact. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { TABLES, TABLE_NAMES, type Return903 } from './tables';

export async function writeReturn(tables: Return903, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const name of TABLE_NAMES) {
    const { file, columns } = TABLES[name];
    const text = stringify(tables[name], { header: true, columns: [...columns], record_delimiter: '\n' });
    const path = join(dir, file);
    await writeFile(path, text.length > 0 ? text : `${columns.join(',')}\n`, 'utf8');
    written.push(path);
  }
  return written;
}
