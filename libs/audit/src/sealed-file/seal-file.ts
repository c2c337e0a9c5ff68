import { publicEncrypt, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { openChunks, readUpTo, sealChunk, writeAll } from './sealed-chunks';
import {
  DATA_KEY_LENGTH,
  DEFAULT_CHUNK_SIZE,
  encodeHeader,
  MAX_CHUNK_SIZE,
  NONCE_PREFIX_LENGTH,
  SealedFileError,
  type SealedHeader,
} from './sealed-file-format';
import { OAEP } from './sealed-header';
import { type SealingKey } from './sealing-keys';

export interface SealedFileWritten {
  /** Plaintext bytes sealed. */
  bytes: number;
  chunks: number;
}

/** Up to `length` bytes of the plaintext from `position`: fewer only at its end. */
type ReadPlain = (position: number, length: number) => Promise<Buffer>;

async function writeChunks(read: ReadPlain, output: FileHandle, header: SealedHeader, dataKey: Buffer) {
  let position = 0;
  let current = await read(position, header.chunkSize);
  for (let index = 0; ; index++) {
    // Read one chunk ahead: the last chunk is sealed as the last, so a cut is seen when opening.
    const next =
      current.length === header.chunkSize
        ? await read(position + current.length, header.chunkSize)
        : Buffer.alloc(0);
    const last = next.length === 0;
    await writeAll(output, sealChunk(dataKey, header, index, last, current));
    position += current.length;
    if (last) return { bytes: position, chunks: index + 1 };
    current = next;
  }
}

/** Every chunk of what was written authenticates: the file on disk opens, before the plaintext is let go. */
async function authenticateWritten(target: string, header: SealedHeader, dataKey: Buffer, expected: number) {
  const handle = await open(target, 'r');
  try {
    let bytes = 0;
    for await (const plain of openChunks(handle, header, dataKey)) bytes += plain.length;
    if (bytes !== expected) throw new SealedFileError(`read back ${bytes} bytes of ${expected}`);
  } finally {
    await handle.close();
  }
}

/**
 * Seals `source` (a file's path, or bytes already in memory such as a CSV) into a new file `target` (0600; refused if it exists) to the recipient's public
 * key: a fresh AES-256-GCM data key, wrapped with RSA-OAEP (SHA-256), encrypts the file a chunk at
 * a time, so a file of any size is never all in memory. Read back and authenticated before it
 * returns; on any failure `target` is removed.
 */
export async function sealFile(
  source: string | Buffer,
  target: string,
  recipient: SealingKey,
  chunkSize = DEFAULT_CHUNK_SIZE,
): Promise<SealedFileWritten> {
  if (!Number.isInteger(chunkSize) || chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE)
    throw new RangeError(`chunk size must be 1–${MAX_CHUNK_SIZE} bytes`);
  const dataKey = randomBytes(DATA_KEY_LENGTH);
  const fields = {
    chunkSize,
    fingerprint: recipient.fingerprint,
    wrappedKey: publicEncrypt({ key: recipient.key, ...OAEP }, dataKey),
    noncePrefix: randomBytes(NONCE_PREFIX_LENGTH),
  };
  const header: SealedHeader = { ...fields, version: 1, bytes: encodeHeader(fields) };
  const input = typeof source === 'string' ? await open(source, 'r') : undefined;
  const read: ReadPlain = input
    ? (position, length) => readUpTo(input, length, position)
    : (position, length) => Promise.resolve((source as Buffer).subarray(position, position + length));
  let created = false;
  try {
    const output = await open(target, 'wx', 0o600);
    created = true;
    let written: SealedFileWritten;
    try {
      await writeAll(output, header.bytes);
      written = await writeChunks(read, output, header, dataKey);
      await output.sync();
    } finally {
      await output.close();
    }
    await authenticateWritten(target, header, dataKey, written.bytes);
    return written;
  } catch (error) {
    if (created) rmSync(target, { force: true });
    throw error;
  } finally {
    dataKey.fill(0);
    await input?.close();
  }
}
