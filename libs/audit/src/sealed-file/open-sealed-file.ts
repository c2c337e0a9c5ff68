import { closeSync, existsSync, linkSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { openChunks, writeAll } from './sealed-chunks';
import { SEALED_MAGIC, startsSealed } from './sealed-file-format';
import { readHeader, unwrapDataKey } from './sealed-header';
import { type SealingKey } from './sealing-keys';

/** True when `file` starts with the sealed files' magic (whatever its version or state). */
export function isSealedFile(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const start = Buffer.alloc(SEALED_MAGIC.length);
    return startsSealed(start.subarray(0, readSync(fd, start, 0, start.length, 0)));
  } finally {
    closeSync(fd);
  }
}

/** The plaintext's length, once every chunk of `source` authenticates; each chunk given to `sink`. */
async function readSealed(source: string, opener: SealingKey, sink?: (plain: Buffer) => Promise<void>) {
  const input = await open(source, 'r');
  try {
    const header = await readHeader(input);
    const dataKey = unwrapDataKey(header, opener);
    try {
      let bytes = 0;
      for await (const plain of openChunks(input, header, dataKey)) {
        await sink?.(plain);
        bytes += plain.length;
      }
      return bytes;
    } finally {
      dataKey.fill(0);
    }
  } finally {
    await input.close();
  }
}

/** Where `openSealedFile` writes the plaintext before it authenticates whole (a caller's signal handler removes it). */
export const openingPartialOf = (target: string): string => `${target}.partial-${process.pid}`;

/**
 * Opens a file sealed by `sealFile` into a new file `target` (0600; refused if it exists), with the
 * recipient's private key. The plaintext is written to `<target>.partial-<pid>` in the same folder and
 * renamed to `target` only after the last chunk authenticates; on any failure (a SealedFileError: wrong
 * key, damaged header, a chunk altered, moved or cut short) the partial is removed, so `target` never
 * holds a plaintext that did not authenticate whole, not even while it is being written.
 */
export async function openSealedFile(source: string, target: string, opener: SealingKey): Promise<number> {
  if (existsSync(target)) throw Object.assign(new Error(`EEXIST: ${target} exists`), { code: 'EEXIST' });
  const partial = openingPartialOf(target);
  let output: FileHandle | undefined;
  try {
    const bytes = await readSealed(source, opener, async (plain) => {
      output ??= await open(partial, 'wx', 0o600);
      await writeAll(output, plain);
    });
    output ??= await open(partial, 'wx', 0o600); // an empty file sealed: still written
    await output.sync();
    await output.close();
    output = undefined;
    placeWithoutReplacing(partial, target);
    return bytes;
  } catch (error) {
    await output?.close();
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Moves the authenticated partial to `target` only if nothing has taken that name meanwhile: a hard
 * link fails with EEXIST rather than replace a file made while the open ran (a rename would replace
 * it). The whole plaintext appears at once either way. Where the file system has no hard links, a
 * check and a rename (a file made between the two would be replaced).
 */
function placeWithoutReplacing(partial: string, target: string): void {
  try {
    linkSync(partial, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS') throw error;
    if (existsSync(target)) throw Object.assign(new Error(`EEXIST: ${target} exists`), { code: 'EEXIST' });
    renameSync(partial, target);
    return;
  }
  rmSync(partial, { force: true });
}

/** The plaintext's length when every chunk of `source` authenticates with this key; writes nothing. */
export const checkSealedFile = (source: string, opener: SealingKey): Promise<number> =>
  readSealed(source, opener);
