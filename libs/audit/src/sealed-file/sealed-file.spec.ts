import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_CHUNK_SIZE,
  isSealedFile,
  openSealedFile,
  readOpeningKey,
  readRecipientKey,
  sealFile,
  SealedFileError,
  type SealingKey,
} from '.';

const HEADER = 8 + 1 + 4 + 32 + 2 + 384 + 4; // a 3072-bit key wraps to 384 bytes
const CHUNK = 1024;
const RECORD = CHUNK + 16;

describe('sealed files (AES-256-GCM chunks, the data key wrapped with RSA-OAEP SHA-256)', () => {
  let dir: string;
  let recipient: SealingKey;
  let opener: SealingKey;
  let otherOpener: SealingKey;

  const pemPair = (name: string) => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 3072 });
    writeFileSync(join(dir, `${name}-public.pem`), pair.publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(join(dir, `${name}-private.pem`), pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-sealed-'));
    pemPair('council');
    pemPair('other');
    recipient = readRecipientKey(join(dir, 'council-public.pem'));
    opener = readOpeningKey(join(dir, 'council-private.pem'), undefined, 'PASS');
    otherOpener = readOpeningKey(join(dir, 'other-private.pem'), undefined, 'PASS');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  let n = 0;
  const path = (name: string) => join(dir, `${++n}-${name}`);
  /** `plain` sealed with small chunks; returns the sealed file's bytes. */
  const sealed = async (plain: Buffer, chunkSize = CHUNK) => {
    const source = path('plain');
    writeFileSync(source, plain);
    const target = path('sealed');
    await sealFile(source, target, recipient, chunkSize);
    return readFileSync(target);
  };
  /** Opens these sealed bytes; the error's message, or the plaintext. */
  const opened = async (bytes: Buffer, key = opener) => {
    const source = path('sealed');
    writeFileSync(source, bytes);
    const target = path('opened');
    try {
      await openSealedFile(source, target, key);
      return readFileSync(target);
    } catch (error) {
      expect(error).toBeInstanceOf(SealedFileError);
      expect(existsSync(target)).toBe(false); // nothing that did not authenticate whole is left
      return (error as Error).message;
    }
  };
  const plain = randomBytes(CHUNK * 3 + 500); // four chunks, the last one short

  describe('round trip', () => {
    it.each([
      ['several default-size chunks', DEFAULT_CHUNK_SIZE * 4 + 123, DEFAULT_CHUNK_SIZE],
      ['a whole number of chunks', CHUNK * 3, CHUNK],
      ['one short chunk', 10, CHUNK],
      ['an empty file', 0, CHUNK],
    ])('%s', async (_name, size, chunkSize) => {
      const data = randomBytes(size);
      const bytes = await sealed(data, chunkSize);
      expect(bytes.length).toBe(HEADER + size + 16 * Math.max(1, Math.ceil(size / chunkSize)));
      expect(await opened(bytes)).toEqual(data);
    });

    it('writes a new owner-only file that holds none of the plaintext, and is known as sealed', async () => {
      const source = path('plain');
      const text = Buffer.from('Name: Jordan Example, UPN A123456789012. '.repeat(100));
      writeFileSync(source, text);
      const target = path('sealed');
      expect(await sealFile(source, target, recipient, CHUNK)).toEqual({ bytes: text.length, chunks: 5 });
      expect(statSync(target).mode & 0o777).toBe(0o600);
      expect(readFileSync(target).includes('Jordan')).toBe(false);
      expect(isSealedFile(target)).toBe(true);
      expect(isSealedFile(source)).toBe(false);
      await expect(sealFile(source, target, recipient)).rejects.toThrow(/EEXIST/);
    });

    it('seals bytes held in memory as it seals a file', async () => {
      const target = path('sealed');
      expect(await sealFile(plain, target, recipient, CHUNK)).toEqual({ bytes: plain.length, chunks: 4 });
      expect(await opened(readFileSync(target))).toEqual(plain);
    });

    it('seals the same file differently each time (a fresh data key and nonce)', async () => {
      const [a, b] = [await sealed(plain), await sealed(plain)];
      expect(a.subarray(HEADER)).not.toEqual(b.subarray(HEADER));
    });
  });

  describe('refuses, naming the rule, and writes nothing', () => {
    it('a private key other than the one it is sealed to', async () => {
      expect(await opened(await sealed(plain), otherOpener)).toMatch(
        /^is sealed to the key sha256:[0-9a-f]{64}, and the private key given is sha256:[0-9a-f]{64}: wrong key$/,
      );
    });

    it.each([
      [
        'at the last chunk boundary',
        HEADER + RECORD * 3,
        /^ends after chunk 2, which is not its last chunk: the file was cut short at a chunk boundary$/,
      ],
      ['at the first chunk boundary', HEADER + RECORD, /^ends after chunk 0, which is not its last chunk/],
      ['in the middle of a chunk', HEADER + RECORD + 500, /^chunk 1 does not authenticate/],
      [
        'inside a tag',
        HEADER + RECORD * 3 + 8,
        /^ends inside chunk 3 \(8 bytes, less than its 16-byte tag\): cut short$/,
      ],
      ['right after the header', HEADER, /^holds a header and no chunk: cut short$/],
      ['inside the header', 100, /^ends inside its header: cut short$/],
      ['inside the fixed header', 20, /^is not a sealed file/],
    ])('a file cut short %s', async (_name, length, message) => {
      expect(await opened((await sealed(plain)).subarray(0, length))).toMatch(message);
    });

    it.each([
      ['the magic', 0, /^is not a sealed file/],
      ['the version', 8, /^is sealed in format version \d+; this build reads version 1 only$/],
      ['the chunk size', 11, /^chunk 0 does not authenticate|^has a damaged header: chunk size/],
      ['the key fingerprint', 20, /wrong key$/],
      ['the wrapped key', 200, /^has a damaged header: its wrapped data key does not unwrap/],
      ['the nonce prefix', HEADER - 1, /^chunk 0 does not authenticate/],
      ['a chunk', HEADER + RECORD + 7, /^chunk 1 does not authenticate/],
      ['the last chunk', HEADER + RECORD * 3 + 3, /^chunk 3 does not authenticate/],
      ['a tag', HEADER + RECORD * 2 - 1, /^chunk 1 does not authenticate/],
    ])('a byte flipped in %s', async (_name, at, message) => {
      const bytes = await sealed(plain);
      bytes[at] ^= 0x01;
      expect(await opened(bytes)).toMatch(message);
    });

    it('chunks swapped', async () => {
      const bytes = await sealed(plain);
      const chunk = (i: number) => bytes.subarray(HEADER + RECORD * i, HEADER + RECORD * (i + 1));
      const swapped = Buffer.concat([
        bytes.subarray(0, HEADER),
        chunk(1),
        chunk(0),
        bytes.subarray(HEADER + RECORD * 2),
      ]);
      expect(await opened(swapped)).toMatch(/^chunk 0 does not authenticate/);
    });

    it("a chunk of another file sealed to the same key (the header's digest is in every chunk)", async () => {
      const [a, b] = [await sealed(plain), await sealed(plain)];
      const mixed = Buffer.concat([a.subarray(0, HEADER + RECORD), b.subarray(HEADER + RECORD)]);
      expect(await opened(mixed)).toMatch(/^chunk 1 does not authenticate/);
    });

    it('bytes appended after the last chunk', async () => {
      expect(await opened(Buffer.concat([await sealed(plain), Buffer.from('x')]))).toMatch(
        /^chunk 3 does not authenticate/,
      );
    });

    it('never shows a plaintext under the target name while it writes: a partial beside it, removed on failure', async () => {
      const bytes = await sealed(plain);
      bytes[HEADER + RECORD * 3 + 3] ^= 0x01; // the last chunk fails, after three were written
      const source = path('sealed');
      writeFileSync(source, bytes);
      const target = path('opened');
      const partial = `${target}.partial-${process.pid}`;
      const seen = { target: false, partial: false };
      let watching = true;
      const watch = () => {
        seen.target ||= existsSync(target);
        seen.partial ||= existsSync(partial);
        if (watching) setImmediate(watch);
      };
      watch();
      await expect(openSealedFile(source, target, opener)).rejects.toThrow(/^chunk 3 does not authenticate/);
      watching = false;
      expect(seen).toEqual({ target: false, partial: true });
      expect(existsSync(partial)).toBe(false);
    });
  });

  it('refuses a target made while it opened, leaving that file as it was and no partial', async () => {
    const source = path('sealed-made-meanwhile');
    writeFileSync(source, await sealed(plain));
    const target = path('opened-meanwhile');
    const partial = `${target}.partial-${process.pid}`;
    const made = () => {
      if (existsSync(partial)) writeFileSync(target, 'made meanwhile');
      else setImmediate(made);
    };
    made();
    await expect(openSealedFile(source, target, opener)).rejects.toThrow(/EEXIST/);
    expect(readFileSync(target, 'utf8')).toBe('made meanwhile');
    expect(existsSync(partial)).toBe(false);
  });

  describe('keys', () => {
    const write = (name: string, text: string | Buffer) => {
      const file = path(name);
      writeFileSync(file, text);
      return file;
    };
    const refusal = (read: () => unknown) => {
      try {
        read();
      } catch (error) {
        expect(error).toBeInstanceOf(SealedFileError);
        return (error as Error).message;
      }
      throw new Error('the key was accepted');
    };

    it('refuses a private key to seal to, saying why and how to take its public half', () => {
      const file = join(dir, 'council-private.pem');
      expect(refusal(() => readRecipientKey(file))).toBe(
        `${file} holds a private key: seal to the public key only (openssl pkey -in ${file} -pubout -out public.pem), ` +
          'and keep the private key off this host, since whoever holds it opens every sealed file',
      );
    });

    it('refuses a public key to open with', () => {
      const file = join(dir, 'council-public.pem');
      expect(refusal(() => readOpeningKey(file, undefined, 'PASS'))).toMatch(/holds no private key/);
    });

    it.each([
      [
        'an RSA key under 3072 bits',
        () => generateKeyPairSync('rsa', { modulusLength: 2048 }),
        /is a 2048-bit RSA key; sealing needs 3072 bits or more/,
      ],
      [
        'an EC key',
        () => generateKeyPairSync('ec', { namedCurve: 'P-256' }),
        /is a ec key; sealing uses RSA-OAEP/,
      ],
    ])('refuses %s', (_name, pair, message) => {
      const { publicKey } = pair();
      const file = write('public.pem', publicKey.export({ type: 'spki', format: 'pem' }));
      expect(refusal(() => readRecipientKey(file))).toMatch(message);
    });

    it('refuses a file that is no key, and one that does not exist', () => {
      expect(refusal(() => readRecipientKey(write('x.pem', 'hello')))).toMatch(/is not a PEM public key/);
      expect(refusal(() => readRecipientKey(join(dir, 'missing.pem')))).toMatch(
        /missing\.pem: no such file$/,
      );
    });

    it('opens with a passphrase-protected private key, and names the variable when the passphrase is missing or wrong', async () => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 3072 });
      const file = write(
        'locked.pem',
        privateKey.export({
          type: 'pkcs8',
          format: 'pem',
          cipher: 'aes-256-cbc',
          passphrase: 'correct horse',
        }),
      );
      expect(refusal(() => readOpeningKey(file, undefined, 'PASS'))).toBe(
        `${file} is protected by a passphrase: set PASS to it`,
      );
      expect(refusal(() => readOpeningKey(file, 'wrong', 'PASS'))).toMatch(
        /could not be read as a private key \(is PASS its passphrase\?\)/,
      );
      expect(readOpeningKey(file, 'correct horse', 'PASS').key.type).toBe('private');
    });
  });
});
