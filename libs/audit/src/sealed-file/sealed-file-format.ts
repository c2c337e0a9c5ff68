import { createHash } from 'node:crypto';

/**
 * The sealed file's layout, version 1 (docs/guarantees.md, "Sealed backups"):
 *
 *   header  "CJSEALED" | version u8 | chunk size u32 | recipient key sha256 (32) |
 *           wrapped key length u16 | wrapped key (RSA-OAEP SHA-256 of the AES-256 data key) | nonce prefix (4)
 *   chunks  AES-256-GCM ciphertext of `chunk size` plaintext bytes (the last one fewer) | tag (16)
 *
 * Chunk i's IV is the nonce prefix then i (u64); its associated data is the header's SHA-256, i
 * (u64) and 1 for the last chunk else 0. So an altered header, a chunk moved, dropped or altered, or
 * a file cut short at any byte (its last chunk is not marked last) does not authenticate.
 */
export const SEALED_MAGIC = Buffer.from('CJSEALED', 'latin1');
export const SEALED_VERSION = 1;
export const DEFAULT_CHUNK_SIZE = 64 * 1024;
/** A damaged header must not make a reader allocate gigabytes. */
export const MAX_CHUNK_SIZE = 16 * 1024 * 1024;
export const TAG_LENGTH = 16;
export const DATA_KEY_LENGTH = 32;
export const NONCE_PREFIX_LENGTH = 4;
const FINGERPRINT_LENGTH = 32;
/** Magic, version, chunk size, fingerprint, wrapped key length: what is read before the wrapped key. */
export const FIXED_HEADER_LENGTH = SEALED_MAGIC.length + 1 + 4 + FINGERPRINT_LENGTH + 2;
/** RSA-OAEP output is the modulus' length: 3072 to 16384 bits. */
const MIN_WRAPPED = 384;
const MAX_WRAPPED = 2048;

export interface SealedHeader {
  version: number;
  chunkSize: number;
  /** SHA-256 of the recipient public key's DER (SubjectPublicKeyInfo). */
  fingerprint: Buffer;
  wrappedKey: Buffer;
  noncePrefix: Buffer;
  /** The header as stored: its digest is in every chunk's associated data. */
  bytes: Buffer;
}

/** Why a file cannot be opened, in words for the operator; nothing is written when it is thrown. */
export class SealedFileError extends Error {
  override readonly name = 'SealedFileError';
}

export function encodeHeader(header: Omit<SealedHeader, 'bytes' | 'version'>): Buffer {
  const fixed = Buffer.alloc(FIXED_HEADER_LENGTH);
  let at = SEALED_MAGIC.copy(fixed, 0);
  at = fixed.writeUInt8(SEALED_VERSION, at);
  at = fixed.writeUInt32BE(header.chunkSize, at);
  at += header.fingerprint.copy(fixed, at);
  fixed.writeUInt16BE(header.wrappedKey.length, at);
  return Buffer.concat([fixed, header.wrappedKey, header.noncePrefix]);
}

/** True when `start` (a file's first bytes) is a sealed file's magic, whatever its version. */
export const startsSealed = (start: Buffer): boolean =>
  start.length >= SEALED_MAGIC.length && start.subarray(0, SEALED_MAGIC.length).equals(SEALED_MAGIC);

/** How many bytes follow the fixed part, or the rule the fixed part breaks. */
export function parseFixedHeader(fixed: Buffer): Omit<
  SealedHeader,
  'wrappedKey' | 'noncePrefix' | 'bytes'
> & {
  rest: number;
} {
  if (fixed.length < FIXED_HEADER_LENGTH || !startsSealed(fixed))
    throw new SealedFileError('is not a sealed file (no CJSEALED header)');
  const version = fixed.readUInt8(SEALED_MAGIC.length);
  if (version !== SEALED_VERSION)
    throw new SealedFileError(
      `is sealed in format version ${version}; this build reads version ${SEALED_VERSION} only`,
    );
  const chunkSize = fixed.readUInt32BE(SEALED_MAGIC.length + 1);
  if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE)
    throw new SealedFileError(
      `has a damaged header: chunk size ${chunkSize} is outside 1–${MAX_CHUNK_SIZE} bytes`,
    );
  const fingerprint = fixed.subarray(SEALED_MAGIC.length + 5, SEALED_MAGIC.length + 5 + FINGERPRINT_LENGTH);
  const wrappedLength = fixed.readUInt16BE(FIXED_HEADER_LENGTH - 2);
  if (wrappedLength < MIN_WRAPPED || wrappedLength > MAX_WRAPPED)
    throw new SealedFileError(
      `has a damaged header: a wrapped key of ${wrappedLength} bytes (an RSA key of 3072 bits or more wraps to ${MIN_WRAPPED}–${MAX_WRAPPED})`,
    );
  return {
    version,
    chunkSize,
    fingerprint: Buffer.from(fingerprint),
    rest: wrappedLength + NONCE_PREFIX_LENGTH,
  };
}

/** Chunk `index`'s IV: the file's nonce prefix, then the index. The data key is the file's own. */
export function chunkIv(noncePrefix: Buffer, index: number): Buffer {
  const iv = Buffer.alloc(NONCE_PREFIX_LENGTH + 8);
  noncePrefix.copy(iv, 0);
  iv.writeBigUInt64BE(BigInt(index), NONCE_PREFIX_LENGTH);
  return iv;
}

/** Chunk `index`'s associated data: which file (its header), where in it, and whether it ends it. */
export function chunkAad(headerDigest: Buffer, index: number, last: boolean): Buffer {
  const aad = Buffer.alloc(headerDigest.length + 9);
  headerDigest.copy(aad, 0);
  aad.writeBigUInt64BE(BigInt(index), headerDigest.length);
  aad.writeUInt8(last ? 1 : 0, headerDigest.length + 8);
  return aad;
}

export const sha256 = (bytes: Buffer): Buffer => createHash('sha256').update(bytes).digest();

/** A key's fingerprint as the operator can compute it: `openssl pkey -pubin -in K -outform DER | openssl dgst -sha256`. */
export const describeFingerprint = (fingerprint: Buffer): string => `sha256:${fingerprint.toString('hex')}`;
