import { spawnSync } from 'node:child_process';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { DEFAULT_CHUNK_SIZE, isSealedFile } from '@care-journey/audit';
import { type RecordedEvent } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { useCliSpecStore } from '../testing/cli-spec-store';
import { registerBackupCommand } from './backup.command';
import { registerRestoreCommand } from './restore.command';

/**
 * What the store holds in plaintext and its sealed copy must not. A sealed file is random-looking
 * bytes, so a short string turns up in it by chance: 'Sam' (3 bytes) did in about 1 run in 40 (its
 * ~420 KB / 2^24). Each of these is 7 bytes or more: never by chance.
 */
const PLAINTEXT_IN_STORE = ['SQLite format 3', '"name":"Sam"', 'journey-c1', 'note 12'];

/** Review s15 F9: `backup --encrypt-to` seals the copy; `restore --decrypt-with` opens it whole or not at all. */
describe('care-journey backup --encrypt-to and restore --decrypt-with', () => {
  const cli = useCliSpecStore({
    prefix: 'sealed-backup-cli-',
    seeded: true,
    unset: ['CARE_JOURNEY_BACKUP_KEY_PASSPHRASE'],
  });

  const run = async (...args: string[]) => {
    cli.output = '';
    cli.errors = '';
    process.exitCode = undefined;
    const program = new Command('care-journey').exitOverride();
    registerBackupCommand(program);
    registerRestoreCommand(program);
    await program.parseAsync(['node', 'care-journey', ...args]);
    const code = process.exitCode ?? 0;
    process.exitCode = undefined;
    return { code, out: cli.output, err: cli.errors };
  };

  const events = async (file: string): Promise<RecordedEvent[]> => {
    const store = new SqliteEventStore({ file, synchronous: 'NORMAL' });
    try {
      const read: RecordedEvent[] = [];
      for await (const event of store.readAll()) read.push(event);
      return read;
    } finally {
      await store.close();
    }
  };
  const idsOf = (list: RecordedEvent[]) => list.map((e) => `${e.globalPosition}:${e.streamId}:${e.id}`);
  const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
  /** Every file in the spec's folder and the backups folder: no plaintext copy may be left behind. */
  const files = () =>
    [
      ...readdirSync(cli.dir),
      ...(existsSync(join(cli.dir, 'backups'))
        ? readdirSync(join(cli.dir, 'backups')).map((f) => `backups/${f}`)
        : []),
    ].sort();

  let publicPem: string;
  let privatePem: string;
  let otherPrivatePem: string;
  const keys = {
    council: generateKeyPairSync('rsa', { modulusLength: 3072 }),
    other: generateKeyPairSync('rsa', { modulusLength: 3072 }),
  };

  beforeEach(async () => {
    publicPem = join(cli.dir, 'council-public.pem');
    privatePem = join(cli.dir, 'council-private.pem');
    otherPrivatePem = join(cli.dir, 'other-private.pem');
    writeFileSync(publicPem, keys.council.publicKey.export({ type: 'spki', format: 'pem' }));
    writeFileSync(privatePem, keys.council.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(otherPrivatePem, keys.other.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    // Enough events that the store spans several chunks.
    const store = new SqliteEventStore({ file: cli.file, synchronous: 'NORMAL' });
    try {
      await store.appendToStream(
        'spec-notes',
        Array.from({ length: 300 }, (_, i) => ({
          id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
          type: 'Noted',
          data: { i, text: `note ${i} `.repeat(100) },
          metadata: { recordedAt: '2026-01-05T10:00:00.000Z', recordedBy: 'spec', schemaVersion: 1 },
        })),
        { expectedRevision: 'no_stream' },
      );
    } finally {
      await store.close();
    }
  });

  const sealedBackup = async () => {
    const backup = join(cli.dir, 'backups', 'sealed.db');
    const result = await run('backup', backup, '--encrypt-to', publicPem);
    expect(result).toMatchObject({ code: 0, err: '' });
    return backup;
  };
  const restoreInto = (backup: string, ...options: string[]) => {
    const restored = join(cli.dir, 'restored', 'events.db');
    process.env.CARE_JOURNEY_SQLITE_FILE = restored;
    return { restored, result: run('restore', backup, '--reuse-positions', '--no-rebuild', ...options) };
  };

  it('Given a store of several chunks, When backed up with --encrypt-to and restored with --decrypt-with, Then the restored log is the original, and no plaintext copy is left anywhere', async () => {
    const before = files();
    const backup = join(cli.dir, 'backups', 'sealed.db');
    const backedUp = await run('backup', backup, '--encrypt-to', publicPem);
    expect(backedUp).toMatchObject({ code: 0, err: '' });
    expect(backedUp.out).toMatch(
      /^backed up 307 events .* every hash chain verifies; sealed to the key sha256:[0-9a-f]{64} \(restore --decrypt-with its private key\)\n$/,
    );
    expect(files()).toEqual([...before, 'backups', 'backups/sealed.db'].sort());
    expect(isSealedFile(backup)).toBe(true);
    expect(statSync(backup).size).toBeGreaterThan(4 * DEFAULT_CHUNK_SIZE);
    expect(statSync(backup).mode & 0o777).toBe(0o600);
    const bytes = readFileSync(backup);
    const store = readFileSync(cli.file);
    for (const plain of PLAINTEXT_IN_STORE) {
      expect({ plain, inStore: store.includes(plain) }).toEqual({ plain, inStore: true });
      expect({ plain, inSealed: bytes.includes(plain) }).toEqual({ plain, inSealed: false });
    }

    const { restored, result } = restoreInto(backup, '--decrypt-with', privatePem);
    const restore = await result;
    expect(restore).toMatchObject({ code: 0, err: '' });
    expect(restore.out).toMatch(/^restored 307 events /);
    const original = await events(cli.file);
    const back = await events(restored);
    expect(idsOf(back.slice(0, -1))).toEqual(idsOf(original));
    expect(back[back.length - 1]).toMatchObject({ streamId: 'store-restores', type: 'StoreRestored' });
    expect(readdirSync(join(cli.dir, 'restored')).filter((f) => f.includes('restoring'))).toEqual([]);
  });

  it('Given --encrypt-to names a private key, Then the backup is refused, saying to seal to the public half and keep the private key off the host; nothing is written', async () => {
    const before = files();
    const result = await run('backup', join(cli.dir, 'backups', 'b.db'), '--encrypt-to', privatePem);
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      `option '--encrypt-to <public-key.pem>': ${privatePem} holds a private key: seal to the public key only ` +
        `(openssl pkey -in ${privatePem} -pubout -out public.pem), and keep the private key off this host, ` +
        'since whoever holds it opens every sealed file; nothing written\n',
    );
    expect(files()).toEqual(before);
  });

  it("Given a killed backup's and restore's plaintext copies beside the store, When backed up again, Then a dead process's copies are removed and named on stderr, a running one's and a rejected copy are left", async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid; // exited and reaped: no such process now
    const running = process.ppid;
    const left = {
      deadBackup: `${cli.file}.backup-${dead}`,
      deadRestore: `${cli.file}.restoring-${dead}`,
      deadPartial: `${cli.file}.restoring-${dead}.partial-${dead}`,
      runningBackup: `${cli.file}.backup-${running}`,
      rejected: `${cli.file}.restoring-${dead}.rejected`,
    };
    for (const file of Object.values(left)) writeFileSync(file, 'SQLite format 3\0 a copy');
    writeFileSync(`${left.deadBackup}-wal`, 'its WAL');

    const result = await run('backup', join(cli.dir, 'backups', 'sealed.db'), '--encrypt-to', publicPem);

    expect(result.code).toBe(0);
    expect(result.err.split('\n').sort()).toEqual(
      [
        '',
        ...[left.deadBackup, left.deadRestore, left.deadPartial].map(
          (file) => `removed ${file}: a plaintext copy left by process ${dead}, which no longer runs`,
        ),
      ].sort(),
    );
    const exists = Object.fromEntries(Object.entries(left).map(([name, file]) => [name, existsSync(file)]));
    expect(exists).toEqual({
      deadBackup: false,
      deadRestore: false,
      deadPartial: false,
      runningBackup: true,
      rejected: true,
    });
    expect(existsSync(`${left.deadBackup}-wal`)).toBe(false);
  });

  it('Given a SIGTERM while the plaintext copy exists beside the store, Then the copy is removed before the process ends by that signal', async () => {
    const copy = `${cli.file}.backup-${process.pid}`;
    const kill = jest.spyOn(process, 'kill').mockImplementation(() => true); // the signal's re-raise
    const listening = process.listenerCount('SIGTERM');
    let settled = false;
    try {
      let signalled = false;
      const backup = run('backup', join(cli.dir, 'backups', 'sealed.db'), '--encrypt-to', publicPem);
      const signalOnceCopied = () => {
        if (existsSync(copy)) {
          signalled = true;
          process.emit('SIGTERM', 'SIGTERM'); // calls the listeners only; the runner is not signalled
        } else if (!settled) setImmediate(signalOnceCopied);
      };
      signalOnceCopied();
      await backup.finally(() => (settled = true));
      expect(signalled).toBe(true);
      expect(kill).toHaveBeenCalledWith(process.pid, 'SIGTERM');
      expect(readdirSync(cli.dir).filter((f) => f.includes('.backup-'))).toEqual([]);
      expect(process.listenerCount('SIGTERM')).toBe(listening);
    } finally {
      kill.mockRestore();
    }
  });

  it('Given a SIGTERM while restore --decrypt-with has a plaintext staged beside the store, Then it is removed before the process ends by that signal, and the store is not replaced', async () => {
    const backup = join(cli.dir, 'backups', 'sealed.db');
    expect((await run('backup', backup, '--encrypt-to', publicPem)).code).toBe(0);
    const restored = join(cli.dir, 'restored', 'events.db');
    const staged = `${restored}.restoring-${process.pid}`;
    const kill = jest.spyOn(process, 'kill').mockImplementation(() => true); // the signal's re-raise
    const listening = process.listenerCount('SIGTERM');
    let settled = false;
    try {
      let signalled = false;
      const { result } = restoreInto(backup, '--decrypt-with', privatePem);
      const signalOnceStaged = () => {
        if (readdirSync(join(cli.dir, 'restored')).some((f) => f.includes('.restoring-'))) {
          signalled = true;
          process.emit('SIGTERM', 'SIGTERM'); // calls the listeners only; the runner is not signalled
        } else if (!settled) setImmediate(signalOnceStaged);
      };
      signalOnceStaged();
      // The real process ends at the re-raise; here it goes on and may throw on the files removed.
      await result.catch(() => undefined).finally(() => (settled = true));
      expect(signalled).toBe(true);
      expect(kill).toHaveBeenCalledWith(process.pid, 'SIGTERM');
      expect(readdirSync(join(cli.dir, 'restored')).filter((f) => f.includes('.restoring-'))).toEqual([]);
      expect(existsSync(staged)).toBe(false);
      expect(existsSync(restored)).toBe(false);
      expect(process.listenerCount('SIGTERM')).toBe(listening);
    } finally {
      kill.mockRestore();
    }
  });

  describe('restore refuses, names the rule, and leaves the store it would replace untouched', () => {
    /** The sealed backup, changed; restored over an existing store with --force. */
    const refusedOverStore = async (change: (bytes: Buffer) => Buffer, ...options: string[]) => {
      const backup = await sealedBackup();
      writeFileSync(backup, change(readFileSync(backup)));
      const existing = digest(cli.file);
      const before = files();
      const result = await run('restore', backup, '--force', '--no-rebuild', ...options);
      expect(result.code).toBe(1);
      expect(result.out).toBe('');
      expect(digest(cli.file)).toBe(existing);
      expect(files()).toEqual(before); // nothing staged, nothing moved aside
      return result.err;
    };
    /** Where chunk `index` starts: after the header (a 3072-bit key wraps the data key to 384 bytes). */
    const HEADER = 8 + 1 + 4 + 32 + 2 + 384 + 4;
    const chunkAt = (_bytes: Buffer, index: number) => HEADER + index * (DEFAULT_CHUNK_SIZE + 16);

    it('a sealed backup without --decrypt-with', async () => {
      const backup = join(cli.dir, 'backups', 'sealed.db');
      expect(await refusedOverStore((b) => b)).toBe(
        `${backup} is a sealed backup (written by \`backup --encrypt-to\`): give its private key with --decrypt-with <private-key.pem>; the store was not touched\n`,
      );
    });

    it('the wrong private key', async () => {
      expect(await refusedOverStore((b) => b, '--decrypt-with', otherPrivatePem)).toMatch(
        /sealed\.db is sealed to the key sha256:[0-9a-f]{64}, and the private key given is sha256:[0-9a-f]{64}: wrong key; nothing was restored, the store was not touched\n$/,
      );
    });

    it('the public key given to --decrypt-with', async () => {
      expect(await refusedOverStore((b) => b, '--decrypt-with', publicPem)).toBe(
        `option '--decrypt-with <private-key.pem>': ${publicPem} holds no private key (opening a sealed file needs the private key, not the public one); the store was not touched\n`,
      );
    });

    it('cut short at a chunk boundary', async () => {
      expect(
        await refusedOverStore((b) => b.subarray(0, chunkAt(b, 2)), '--decrypt-with', privatePem),
      ).toMatch(
        /ends after chunk 1, which is not its last chunk: the file was cut short at a chunk boundary; nothing was restored/,
      );
    });

    it('cut short inside a chunk', async () => {
      expect(
        await refusedOverStore((b) => b.subarray(0, chunkAt(b, 2) + 999), '--decrypt-with', privatePem),
      ).toMatch(
        /chunk 2 does not authenticate \(AES-256-GCM\): the file was altered, cut short, or its chunks moved; nothing was restored/,
      );
    });

    it.each([
      ['the header', () => 300],
      ['a chunk', (b: Buffer) => chunkAt(b, 3) + 5],
      ['the last tag', (b: Buffer) => b.length - 1],
    ])('a byte flipped in %s', async (_name, at) => {
      const err = await refusedOverStore(
        (b) => {
          b[at(b)] ^= 0x80;
          return b;
        },
        '--decrypt-with',
        privatePem,
      );
      expect(err).toMatch(
        /(damaged header|does not authenticate).*; nothing was restored, the store was not touched\n$/,
      );
    });

    it('--decrypt-with given for a plain backup', async () => {
      const plain = join(cli.dir, 'plain.db');
      expect((await run('backup', plain)).code).toBe(0);
      const existing = digest(cli.file);
      const result = await run('restore', plain, '--force', '--no-rebuild', '--decrypt-with', privatePem);
      expect(result.code).toBe(1);
      expect(result.err).toBe(
        `option '--decrypt-with <private-key.pem>': ${plain} is not a sealed backup (no CJSEALED header); restore a plain backup without --decrypt-with, after checking where it came from; the store was not touched\n`,
      );
      expect(digest(cli.file)).toBe(existing);
    });
  });
});
