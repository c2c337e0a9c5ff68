import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command } from 'commander';
import { describeFingerprint, sealFile, type SealingKey } from '@care-journey/audit';
import { loadStoreConfig } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { checkStore } from '../support/check-store';
import { fail } from '../support/fail';
import { removeLeftoverCopies } from '../support/leftover-copies';
import { removeOnSignal } from '../support/remove-on-signal';
import { removeWithWal } from '../support/remove-with-wal';
import { recipientKeyOption } from '../support/sealing-key-options';

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

interface BackupOptions {
  force?: boolean;
  encryptTo?: string;
}

/**
 * `care-journey backup <file>`: an online copy of the SQLite event store, safe while the API
 * writes (SQLite's backup API copies a consistent snapshot). Written beside the target and
 * renamed into place, so a failed backup never leaves a half-written file under that name.
 * With `--encrypt-to` the copy is sealed to the council's public key (libs/audit sealed-file): the
 * plaintext copy is then made and checked beside the store, never in the target's folder, and
 * removed once sealed.
 */
export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description(
      'Copy the SQLite event store (CARE_JOURNEY_SQLITE_FILE) to <file> while the API runs, then check the copy',
    )
    .argument('<file>', 'where to write the copy')
    .option('--force', 'replace <file> if it exists')
    .option(
      '--encrypt-to <public-key.pem>',
      'seal the copy to this RSA public key (3072 bits or more): only its private key, which must not be on this host, opens it (`restore --decrypt-with`)',
    )
    .action(async (file: string, options: BackupOptions) => {
      const config = loadStoreConfig();
      if (config.kind !== 'sqlite') {
        return fail(
          'backup copies a SQLite store; back up EventStoreDB with its own tools (see docs/guarantees.md)',
        );
      }
      const source = resolve(config.file);
      const target = resolve(file);
      if (!existsSync(source)) return fail(`no event store at ${source} (CARE_JOURNEY_SQLITE_FILE)`);
      if (target === source) return fail('the backup must not be the store itself');
      if (existsSync(target) && !options.force) return fail(`${target} exists; pass --force to replace it`);
      let recipient: SealingKey | undefined;
      if (options.encryptTo !== undefined) {
        const { key, problem } = recipientKeyOption(options.encryptTo);
        if (!key) return fail(`${problem}; nothing written`);
        recipient = key;
      }
      removeLeftoverCopies(source); // a killed backup's or restore's plaintext, named on stderr
      const partial = `${target}.partial-${process.pid}`;
      // A plaintext copy only where the store itself lies (the store's volume is the encrypted one).
      const copy = recipient ? `${source}.backup-${process.pid}` : partial;
      const stopRemovingOnSignal = removeOnSignal([copy, partial]);
      try {
        await backUpAndSeal(source, copy, partial, target, recipient);
      } finally {
        stopRemovingOnSignal();
      }
    });
}

/** The copy made, checked, sealed if asked and renamed to `target`; the copy removed whatever happens. */
async function backUpAndSeal(
  source: string,
  copy: string,
  partial: string,
  target: string,
  recipient: SealingKey | undefined,
): Promise<void> {
  const store = new SqliteEventStore({ file: source });
  try {
    await store.backup(copy);
  } catch (error) {
    removeWithWal(copy);
    return fail(`backup failed, nothing written to ${target}: ${reason(error)}`);
  } finally {
    await store.close();
  }
  try {
    const check = await checkStore(copy);
    if (check.brokenChains.length) {
      removeWithWal(copy);
      return fail(
        `the copy does not verify (hash chain broken in ${check.brokenChains.join(', ')}); nothing written to ${target}`,
      );
    }
    if (recipient) {
      mkdirSync(dirname(target), { recursive: true, mode: 0o700 }); // as the plain copy's folders
      await sealFile(copy, partial, recipient);
    }
    renameSync(partial, target);
    process.stdout.write(
      `backed up ${check.events} events (${check.streams} journeys, ${check.trailDays} days of read-access trail, head position ${check.head ?? 'none'}) from ${source} to ${target}; every hash chain verifies` +
        `${recipient ? `; sealed to the key ${describeFingerprint(recipient.fingerprint)} (restore --decrypt-with its private key)` : ''}\n`,
    );
  } catch (error) {
    rmSync(partial, { force: true });
    return fail(`backup failed, nothing written to ${target}: ${reason(error)}`);
  } finally {
    if (copy !== partial) removeWithWal(copy);
  }
}
