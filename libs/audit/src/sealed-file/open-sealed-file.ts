import { closeSync, openSync, readSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
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

/**
 * Opens a file sealed by `sealFile` into a new file `target` (0600; refused if it exists), with the
 * recipient's private key. Every chunk is authenticated before it is written; on any failure (a
 * SealedFileError: wrong key, damaged header, a chunk altered, moved or cut short) `target` is
 * removed, so the caller is never left a plaintext that did not authenticate whole.
 */
export async function openSealedFile(source: string, target: string, opener: SealingKey): Promise<number> {
  const input = await open(source, 'r');
  let created = false;
  try {
    const header = await readHeader(input);
    const dataKey = unwrapDataKey(header, opener);
    const output = await open(target, 'wx', 0o600);
    created = true;
    let bytes = 0;
    try {
      for await (const plain of openChunks(input, header, dataKey)) {
        await writeAll(output, plain);
        bytes += plain.length;
      }
      await output.sync();
    } finally {
      dataKey.fill(0);
      await output.close();
    }
    return bytes;
  } catch (error) {
    if (created) rmSync(target, { force: true });
    throw error;
  } finally {
    await input.close();
  }
}
