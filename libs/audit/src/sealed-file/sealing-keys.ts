import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { SealedFileError, sha256 } from './sealed-file-format';

/** RSA below this is not expected to hold for the decades a backup of children's records is kept. */
export const MIN_RSA_BITS = 3072;

export interface SealingKey {
  key: KeyObject;
  /** SHA-256 of the public key's DER; written into each sealed file to name its recipient. */
  fingerprint: Buffer;
}

const fingerprintOf = (publicKey: KeyObject): Buffer =>
  sha256(publicKey.export({ type: 'spki', format: 'der' }));

function readPem(file: string): string {
  if (!existsSync(file)) throw new SealedFileError(`${file}: no such file`);
  return readFileSync(file, 'utf8');
}

function checkRsa(file: string, publicKey: KeyObject): void {
  if (publicKey.asymmetricKeyType !== 'rsa')
    throw new SealedFileError(
      `${file} is a ${publicKey.asymmetricKeyType ?? 'secret'} key; sealing uses RSA-OAEP, so the key pair must be RSA`,
    );
  const bits = publicKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_RSA_BITS)
    throw new SealedFileError(
      `${file} is a ${bits}-bit RSA key; sealing needs ${MIN_RSA_BITS} bits or more (4096 recommended)`,
    );
}

/**
 * The public key a file is sealed to. A private key is refused: the host writing backups must not
 * hold what opens them, or one stolen disk gives away both the backups and their key.
 */
export function readRecipientKey(file: string): SealingKey {
  const pem = readPem(file);
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem))
    throw new SealedFileError(
      `${file} holds a private key: seal to the public key only (openssl pkey -in ${file} -pubout -out public.pem), ` +
        'and keep the private key off this host, since whoever holds it opens every sealed file',
    );
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new SealedFileError(
      `${file} is not a PEM public key (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  checkRsa(file, key);
  return { key, fingerprint: fingerprintOf(key) };
}

/**
 * The private key that opens files sealed to its public half. `passphraseVariable` names where a
 * passphrase-protected key's passphrase comes from, for the message when it is missing.
 */
export function readOpeningKey(
  file: string,
  passphrase: string | undefined,
  passphraseVariable: string,
): SealingKey {
  const pem = readPem(file);
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem))
    throw new SealedFileError(
      `${file} holds no private key (opening a sealed file needs the private key, not the public one)`,
    );
  // OpenSSL would otherwise ask on a terminal, or fail with "interrupted or cancelled".
  const locked = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: 4,ENCRYPTED/.test(pem);
  if (locked && passphrase === undefined)
    throw new SealedFileError(`${file} is protected by a passphrase: set ${passphraseVariable} to it`);
  let key: KeyObject;
  try {
    key = createPrivateKey(passphrase === undefined ? pem : { key: pem, passphrase });
  } catch (error) {
    throw new SealedFileError(
      `${file} could not be read as a private key${passphrase === undefined ? '' : ` (is ${passphraseVariable} its passphrase?)`}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const publicKey = createPublicKey(key);
  checkRsa(file, publicKey);
  return { key, fingerprint: fingerprintOf(publicKey) };
}
