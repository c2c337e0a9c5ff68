import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { sealFile, type SealingKey } from '@care-journey/audit';
import { returnFiles, writeReturn, type Return903 } from '@care-journey/reporting';

/** Where a return's table goes when sealed: `header.csv` as `header.csv.sealed`. */
export const sealedReturnFiles = (dir: string): string[] => returnFiles(dir).map((file) => `${file}.sealed`);

/** The sealed return's files already in `dir`. */
export const existingSealedReturnFiles = (dir: string): string[] =>
  sealedReturnFiles(dir).filter((file) => existsSync(file));

/**
 * Writes the return with each table sealed to `recipient` (`<file>.sealed`): each CSV is sealed from
 * memory, so no plaintext table is ever on disk. The tables are sealed into a private folder in
 * `dir` (writeReturn's all-or-nothing), then renamed to their sealed names. A file of the same name
 * is replaced (the caller refused it unless --force).
 */
export async function writeSealedReturn(
  tables: Return903,
  dir: string,
  recipient: SealingKey,
): Promise<string[]> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const staging = await mkdtemp(join(dir, '.export-903-sealing-'));
  try {
    const sealed = await writeReturn(tables, staging, {
      force: true,
      writeTable: async (path, text) => {
        await sealFile(Buffer.from(text, 'utf8'), path, recipient);
      },
    });
    const placed: string[] = [];
    for (const file of sealed) {
      const target = join(dir, `${basename(file)}.sealed`);
      await rename(file, target);
      placed.push(target);
    }
    return placed;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
