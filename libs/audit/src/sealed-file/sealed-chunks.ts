import { createCipheriv, createDecipheriv } from 'node:crypto';
import { type FileHandle } from 'node:fs/promises';
import {
  chunkAad,
  chunkIv,
  SealedFileError,
  sha256,
  TAG_LENGTH,
  type SealedHeader,
} from './sealed-file-format';

/** Up to `length` bytes at `position`: fewer only at the end of the file. */
export async function readUpTo(handle: FileHandle, length: number, position: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/** All of `bytes`, however many writes it takes. */
export async function writeAll(handle: FileHandle, bytes: Buffer): Promise<void> {
  let written = 0;
  while (written < bytes.length) written += (await handle.write(bytes, written)).bytesWritten;
}

export function sealChunk(
  dataKey: Buffer,
  header: SealedHeader,
  index: number,
  last: boolean,
  plain: Buffer,
): Buffer {
  const cipher = createCipheriv('aes-256-gcm', dataKey, chunkIv(header.noncePrefix, index));
  cipher.setAAD(chunkAad(sha256(header.bytes), index, last));
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

/** The chunk's plaintext, or undefined when it does not authenticate as chunk `index` (last or not). */
function openChunk(dataKey: Buffer, header: SealedHeader, index: number, last: boolean, sealed: Buffer) {
  const decipher = createDecipheriv('aes-256-gcm', dataKey, chunkIv(header.noncePrefix, index));
  decipher.setAAD(chunkAad(sha256(header.bytes), index, last));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_LENGTH));
  const plain = decipher.update(sealed.subarray(0, sealed.length - TAG_LENGTH));
  try {
    return Buffer.concat([plain, decipher.final()]);
  } catch {
    return undefined;
  }
}

/**
 * The plaintext of each chunk after the header, in order, each only once it authenticates. A chunk
 * is the last when nothing follows it, and must then be sealed as the last: so a file cut short,
 * even between two chunks, is refused, naming where.
 */
export async function* openChunks(
  handle: FileHandle,
  header: SealedHeader,
  dataKey: Buffer,
): AsyncGenerator<Buffer> {
  const record = header.chunkSize + TAG_LENGTH;
  let position = header.bytes.length;
  let current = await readUpTo(handle, record, position);
  for (let index = 0; ; index++) {
    const next =
      current.length === record ? await readUpTo(handle, record, position + record) : Buffer.alloc(0);
    const last = next.length === 0;
    if (current.length < TAG_LENGTH)
      throw new SealedFileError(
        index === 0
          ? 'holds a header and no chunk: cut short'
          : `ends inside chunk ${index} (${current.length} bytes, less than its ${TAG_LENGTH}-byte tag): cut short`,
      );
    const plain = openChunk(dataKey, header, index, last, current);
    if (plain === undefined) {
      if (last && openChunk(dataKey, header, index, false, current))
        throw new SealedFileError(
          `ends after chunk ${index}, which is not its last chunk: the file was cut short at a chunk boundary`,
        );
      throw new SealedFileError(
        `chunk ${index} does not authenticate (AES-256-GCM): the file was altered, cut short, or its chunks moved`,
      );
    }
    yield plain;
    if (last) return;
    position += record;
    current = next;
  }
}
