import { resolve } from 'node:path';
import { Command } from 'commander';
import { loadStoreConfig } from '@care-journey/event-store';
import { removeStaleMarkers, storeMarkers, type StoreMarker } from '@care-journey/event-store/sqlite';
import { fail } from '../support/fail';

/** `  pid 42 on api-1 (care-journey.js serve), started …, store: in use: pid 42 is running`. */
function describe({ user, why }: StoreMarker): string {
  const who =
    user.pid === 0
      ? 'unreadable marker'
      : `pid ${user.pid} on ${user.host}${user.command ? ` (${user.command})` : ''}${user.startedAt ? `, started ${user.startedAt}` : ''}, ${user.role}`;
  return `${user.marker}\n  ${who}: ${why}`;
}

/**
 * `care-journey store-markers [--prune]`: the in-use markers beside the SQLite store, and why each
 * counts (restore refuses while any does). `--prune` removes this host's stale ones, whose process
 * is gone; another host's are listed and kept, as their processes cannot be checked from here.
 */
export function registerStoreMarkersCommand(program: Command): void {
  program
    .command('store-markers')
    .description(
      "List the in-use markers beside the SQLite store (CARE_JOURNEY_SQLITE_FILE) and why each counts; --prune removes this host's stale ones",
    )
    .option('--prune', "remove this host's markers whose process is no longer running")
    .action((options: { prune?: boolean }) => {
      const config = loadStoreConfig();
      if (config.kind !== 'sqlite')
        return fail('store-markers reads the markers of a SQLite store (CARE_JOURNEY_STORE=sqlite)');
      const file = resolve(config.file);
      const removed = new Set(options.prune ? removeStaleMarkers(file).map(({ user }) => user.marker) : []);
      const markers = storeMarkers(file);
      for (const marker of markers) process.stdout.write(`${describe(marker)}\n`);
      for (const marker of removed) process.stdout.write(`${marker}\n  removed: stale\n`);
      const count = (state: StoreMarker['state']) => markers.filter((m) => m.state === state).length;
      const stale = count('stale');
      process.stderr.write(
        `${file}: ${count('running') + count('this-process')} in use, ${count('other-host') + count('unreadable')} kept (not checkable from here), ` +
          (options.prune
            ? `${removed.size} stale removed\n`
            : `${stale} stale${stale > 0 ? ' (remove with --prune)' : ''}\n`),
      );
    });
}
