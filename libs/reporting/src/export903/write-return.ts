/** Writes a return as one CSV per table, under the conventional file names, headers exact. */
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, open, rename, rm, rmdir } from 'node:fs/promises';
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

/** A return that could not be written; `file` is the table it was writing, and nothing of it is in the folder. */
export class ReturnNotWritten extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(
      `${file}: ${cause instanceof Error ? cause.message : String(cause)}; no file of this return was written ` +
        `(any earlier files in the folder are as they were)`,
      { cause },
    );
  }
}

/** Writes one file and flushes it to disk: renamed into place only once it is whole. */
export type TableWriter = (path: string, text: string) => Promise<void>;

const writeOwnerOnlyAndSync: TableWriter = async (path, text) => {
  const handle = await open(path, 'wx', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
};

const csvOf = (tables: Return903, name: (typeof TABLE_NAMES)[number]): string => {
  const { columns } = TABLES[name];
  const text = stringify(tables[name], { header: true, columns: [...columns], record_delimiter: '\n' });
  return text.length > 0 ? text : `${columns.join(',')}\n`;
};

/**
 * All or nothing: every table is written to a private folder inside `dir` first, then renamed into
 * place (a replaced file is moved aside, and put back if a rename fails). A failure (a full disk)
 * leaves the folder as it was, never a cut-short table a job could upload, nor (with `force`) this
 * run's tables beside last run's. The files are owner-only (0600), a folder this creates 0700: the
 * return holds UPNs, dates of birth and postcodes. An existing file is refused unless `force`.
 */
export async function writeReturn(
  tables: Return903,
  dir: string,
  { force = false, writeTable = writeOwnerOnlyAndSync }: { force?: boolean; writeTable?: TableWriter } = {},
): Promise<string[]> {
  const existing = existingReturnFiles(dir);
  if (existing.length > 0 && !force) throw new ReturnFilesExist(existing);
  let created: string | undefined;
  let staging: string;
  try {
    created = await mkdir(dir, { recursive: true, mode: 0o700 });
    staging = await mkdtemp(join(dir, '.export-903-partial-'));
  } catch (error) {
    throw new ReturnNotWritten(dir, error);
  }
  let written = false;
  try {
    for (const name of TABLE_NAMES) {
      const staged = join(staging, TABLES[name].file);
      try {
        await writeTable(staged, csvOf(tables, name));
        await chmod(staged, 0o600);
      } catch (error) {
        throw new ReturnNotWritten(join(dir, TABLES[name].file), error);
      }
    }
    const files = await placeAll(dir, staging);
    written = true;
    return files;
  } finally {
    await rm(staging, { recursive: true, force: true });
    // On failure, a folder this call created goes too (rmdir: only if empty, never what another put there).
    if (!written && created !== undefined) await rmdir(dir).catch(() => undefined);
  }
}

/** Renames the staged tables into `dir`; the files they replace go into the staging folder (deleted after). */
async function placeAll(dir: string, staging: string): Promise<string[]> {
  const files = TABLE_NAMES.map((name) => TABLES[name].file);
  const movedAside: string[] = [];
  const placed: string[] = [];
  let current = files[0];
  try {
    for (const file of files) {
      current = file;
      if (!existsSync(join(dir, file))) continue;
      await rename(join(dir, file), join(staging, `replaced-${file}`));
      movedAside.push(file);
    }
    for (const file of files) {
      current = file;
      await rename(join(staging, file), join(dir, file));
      placed.push(file);
    }
  } catch (error) {
    // Put the folder back as it was: this run's tables out, last run's back.
    for (const file of placed) await rename(join(dir, file), join(staging, file)).catch(() => undefined);
    for (const file of movedAside)
      await rename(join(staging, `replaced-${file}`), join(dir, file)).catch(() => undefined);
    throw new ReturnNotWritten(join(dir, current), error);
  }
  await syncFolder(dir);
  return files.map((file) => join(dir, file));
}

/** Flushes the folder's entries (the renames) to disk; a file system that cannot is left as it is. */
async function syncFolder(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}
