import { constants, privateDecrypt } from 'node:crypto';
import { type FileHandle } from 'node:fs/promises';
import { readUpTo } from './sealed-chunks';
import {
  DATA_KEY_LENGTH,
  describeFingerprint,
  FIXED_HEADER_LENGTH,
  parseFixedHeader,
  SealedFileError,
  type SealedHeader,
} from './sealed-file-format';
import { type SealingKey } from './sealing-keys';

export const OAEP = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' } as const;

/** A sealed file's header, read from its start; refused when damaged or cut short. */
export async function readHeader(handle: FileHandle): Promise<SealedHeader> {
  const fixed = await readUpTo(handle, FIXED_HEADER_LENGTH, 0);
  const parsed = parseFixedHeader(fixed);
  const rest = await readUpTo(handle, parsed.rest, FIXED_HEADER_LENGTH);
  if (rest.length < parsed.rest) throw new SealedFileError('ends inside its header: cut short');
  const wrappedLength = parsed.rest - 4;
  return {
    version: parsed.version,
    chunkSize: parsed.chunkSize,
    fingerprint: parsed.fingerprint,
    wrappedKey: rest.subarray(0, wrappedLength),
    noncePrefix: rest.subarray(wrappedLength),
    bytes: Buffer.concat([fixed, rest]),
  };
}

/** The file's data key, unwrapped with the private key; refused when the file is sealed to another key. */
export function unwrapDataKey(header: SealedHeader, opener: SealingKey): Buffer {
  if (!header.fingerprint.equals(opener.fingerprint))
    throw new SealedFileError(
      `is sealed to the key ${describeFingerprint(header.fingerprint)}, and the private key given is ${describeFingerprint(opener.fingerprint)}: wrong key`,
    );
  let dataKey: Buffer;
  try {
    dataKey = privateDecrypt({ key: opener.key, ...OAEP }, header.wrappedKey);
  } catch {
    throw new SealedFileError(
      'has a damaged header: its wrapped data key does not unwrap (RSA-OAEP) with the private key it names',
    );
  }
  if (dataKey.length !== DATA_KEY_LENGTH)
    throw new SealedFileError(
      `has a damaged header: its data key is ${dataKey.length} bytes, not ${DATA_KEY_LENGTH}`,
    );
  return dataKey;
}
