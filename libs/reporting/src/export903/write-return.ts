/** Writes a return as one CSV per table, under the conventional file names, headers exact. */
import { existsSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { TABLES, TABLE_NAMES, type Return903 } from './tables';

/** The files a return would write into `dir`, one per table. */
export const returnFiles = (dir: string): string[] => TABLE_NAMES.map((name) => join(dir, TABLES[name].file));

/** The return's files already in `dir`. */
export const existingReturnFiles = (dir: string): string[] =>
  returnFiles(dir).filter((file) => existsSync(file));

/** A return's files already in the folder: written only with `force`. */
export class ReturnFilesExist extends Error {
  constructor(readonly files: readonly string[]) {
    super(`${files.join(', ')} already exist${files.length === 1 ? 's' : ''}; pass --force to replace them`);
  }
}

/**
 * The files are owner-only (0600), a folder this creates 0700: the return holds UPNs, dates of
 * birth and postcodes. An existing file is refused unless `force` (then replaced, and made 0600).
 */
export async function writeReturn(
  tables: Return903,
  dir: string,
  { force = false }: { force?: boolean } = {},
): Promise<string[]> {
  const existing = existingReturnFiles(dir);
  if (existing.length > 0 && !force) throw new ReturnFilesExist(existing);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const written: string[] = [];
  for (const name of TABLE_NAMES) {
    const { file, columns } = TABLES[name];
    const text = stringify(tables[name], { header: true, columns: [...columns], record_delimiter: '\n' });
    const path = join(dir, file);
    await writeFile(path, text.length > 0 ? text : `${columns.join(',')}\n`, {
      encoding: 'utf8',
      mode: 0o600,
    });
    await chmod(path, 0o600); // a replaced file keeps its old mode otherwise
    written.push(path);
  }
  return written;
}
