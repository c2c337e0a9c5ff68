import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { verifyChain } from '@care-journey/audit';
import { loadStoreConfig, SqliteEventStore, type RecordedEvent } from '@care-journey/event-store';

/** What a copy of the store holds, checked by reading it back: events, head, and every hash chain. */
export interface StoreCopyCheck {
  events: number;
  head: string | null;
  streams: number;
  brokenChains: string[];
}

/** Reads a store file end to end; a copy that cannot be read whole is no backup. */
export async function checkStoreCopy(file: string): Promise<StoreCopyCheck> {
  const store = new SqliteEventStore({ file });
  try {
    const byStream = new Map<string, RecordedEvent[]>();
    let events = 0;
    for await (const event of store.readAll()) {
      events += 1;
      if (event.streamId.startsWith('journey-'))
        byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event]);
    }
    const brokenChains = [...byStream].filter(([, stream]) => !verifyChain(stream).ok).map(([id]) => id);
    return {
      events,
      head: (await store.headPosition())?.toString() ?? null,
      streams: byStream.size,
      brokenChains,
    };
  } finally {
    await store.close();
  }
}

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
      const check = await checkStoreCopy(partial);
      if (check.brokenChains.length) {
        rmSync(partial, { force: true });
        return fail(
          `the copy does not verify (hash chain broken in ${check.brokenChains.join(', ')}); nothing written to ${target}`,
        );
      }
      renameSync(partial, target);
      process.stdout.write(
        `backed up ${check.events} events (${check.streams} journeys, head position ${check.head ?? 'none'}) from ${source} to ${target}; every hash chain verifies\n`,
      );
    });
}
