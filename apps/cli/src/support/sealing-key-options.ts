import { resolve } from 'node:path';
import { readOpeningKey, readRecipientKey, SealedFileError, type SealingKey } from '@care-journey/audit';

/** Where a passphrase-protected private key's passphrase comes from (never an option: shell history). */
export const BACKUP_KEY_PASSPHRASE_VARIABLE = 'CARE_JOURNEY_BACKUP_KEY_PASSPHRASE';

/** A key an option names, or why it cannot be used (the option and the sealed-file rule it breaks). */
export type KeyOption = { key: SealingKey; problem?: undefined } | { key?: undefined; problem: string };

/** Reads a key file; a SealedFileError becomes the option's problem, anything else is thrown. */
function readKeyOption(option: string, read: () => SealingKey): KeyOption {
  try {
    return { key: read() };
  } catch (error) {
    if (!(error instanceof SealedFileError)) throw error;
    return { problem: `option '${option}': ${error.message}` };
  }
}

/** `--encrypt-to <public-key.pem>` (backup, export-903): the public key a file is sealed to. */
export const recipientKeyOption = (file: string): KeyOption =>
  readKeyOption('--encrypt-to <public-key.pem>', () => readRecipientKey(resolve(file)));

/**
 * `--decrypt-with <private-key.pem>` (restore, unseal): its passphrase, if any, in
 * BACKUP_KEY_PASSPHRASE_VARIABLE, taken out of the environment once read (review2 L1): restore goes
 * on to start workers and a rebuild, and none of them needs the secret.
 */
export const openingKeyOption = (file: string): KeyOption => {
  const passphrase = process.env[BACKUP_KEY_PASSPHRASE_VARIABLE];
  delete process.env[BACKUP_KEY_PASSPHRASE_VARIABLE];
  return readKeyOption('--decrypt-with <private-key.pem>', () =>
    readOpeningKey(resolve(file), passphrase, BACKUP_KEY_PASSPHRASE_VARIABLE),
  );
};
