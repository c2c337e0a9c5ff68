export { sealFile, type SealedFileWritten } from './seal-file';
export { checkSealedFile, isSealedFile, openingPartialOf, openSealedFile } from './open-sealed-file';
export { readOpeningKey, readRecipientKey, MIN_RSA_BITS, type SealingKey } from './sealing-keys';
export { DEFAULT_CHUNK_SIZE, describeFingerprint, SealedFileError } from './sealed-file-format';
