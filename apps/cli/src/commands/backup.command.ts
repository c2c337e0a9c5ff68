import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { loadStoreConfig } from '@care-journey/event-store';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { checkStore } from '../support/check-store';

const fail = (message: string): void => {
  process.stderr.write(`${message}\n`);
  process.exitCode = 1;
};

/**
 * `care-journey backup <file>`: an online copy of the SQLite event store, safe while the API
 * writes (SQLite's backup API copies a consistent snapshot). Written beside the target and
 * renamed into place, so a failed backup never leaves a half-written file under that name.
 */
export function registerBackupCommand(program: Command): void {
  program
    .command('backup')
    .description(
      'Copy the SQLite event store (CARE_JOURNEY_SQLITE_FILE) to <file> while the API runs, then check the copy',
    )
    .argument('<file>', 'where to write the copy')
    .option('--force', 'replace <file> if it exists')
    .action(async (file: string, options: { force?: boolean }) => {
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
      const partial = `${target}.partial-${process.pid}`;
      const store = new SqliteEventStore({ file: source });
      try {
        await store.backup(partial);
      } catch (error) {
        rmSync(partial, { force: true });
        return fail(
          `backup failed, nothing written to ${target}: ${error instanceof Error ? error.message : String(error)}`,
        );
      } finally {
        await store.close();
      }
      const check = await checkStore(partial);
      if (check.brokenChains.length) {
        rmSync(partial, { force: true });
        return fail(
          `the copy does not verify (hash chain broken in ${check.brokenChains.join(', ')}); nothing written to ${target}`,
        );
      }
      renameSync(partial, target);
      process.stdout.write(
        `backed up ${check.events} events (${check.streams} journeys, ${check.trailDays} days of read-access trail, head position ${check.head ?? 'none'}) from ${source} to ${target}; every hash chain verifies\n`,
      );
    });
}
