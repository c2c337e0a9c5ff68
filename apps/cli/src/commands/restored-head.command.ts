import { Command } from 'commander';
import { createEventStore, loadStoreConfig, type EventStore } from '@care-journey/event-store';
import { restoreMarker, STORE_RESTORES_STREAM } from './restore.command';

/** What `restored-head` recorded. */
export interface RecordedRestore {
  restoredHead: bigint;
  /** The StoreRestored event's own position. */
  markerAt: bigint;
}

/**
 * Records, as the log's first event after an EventStoreDB restore, the restored head H and that
 * positions after it are given out again (`StoreRestored` with `positionsReusedFrom`, as SQLite's
 * `restore --reuse-positions` records it). /events and /feed then refuse, for good, a checkpoint
 * past H that names no event of the log (review s12-ops F6). Refused on an empty log.
 */
export async function recordRestoredHead(store: EventStore, source: string): Promise<RecordedRestore> {
  const restoredHead = await store.headPosition();
  if (restoredHead === undefined) throw new Error('the log is empty: there is no restored head to record');
  const appended = await store.appendToStream(STORE_RESTORES_STREAM, [restoreMarker(source, restoredHead)], {
    expectedRevision: 'any',
  });
  return { restoredHead, markerAt: appended.globalPosition };
}

/**
 * `care-journey restored-head`: step 2 of the EventStoreDB restore runbook (docs/guarantees.md),
 * run once the restored node is up and before any writer or reporting job is. SQLite's `restore`
 * records its restore itself, so a SQLite store is refused.
 */
export function registerRestoredHeadCommand(program: Command): void {
  program
    .command('restored-head')
    .description(
      'After an EventStoreDB restore, before writes reopen: record the restored head in the log, so reporting checkpoints from before the restore are refused',
    )
    .option('--source <text>', 'what was restored (recorded with the head)', 'EventStoreDB file-copy restore')
    .action(async (options: { source: string }) => {
      const config = loadStoreConfig();
      if (config.kind !== 'eventstoredb') {
        process.stderr.write(
          'restored-head: CARE_JOURNEY_STORE is sqlite: `care-journey restore` records a SQLite restore itself\n',
        );
        process.exitCode = 1;
        return;
      }
      const store = await createEventStore(config);
      try {
        const { restoredHead, markerAt } = await recordRestoredHead(store, options.source);
        process.stdout.write(
          `restored head ${restoredHead} recorded (StoreRestored at ${markerAt}). Reporting checkpoints up to ${restoredHead} carry on; ` +
            `/events and /feed refuse (409 checkpoint-before-restore) one past it that names no event of this log. ` +
            `Still set every job's checkpoint past ${restoredHead} back to it before it runs again: one that falls on a new event's position cannot be told apart\n`,
        );
      } catch (error) {
        process.stderr.write(`restored-head: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
      } finally {
        await store.close();
      }
    });
}
