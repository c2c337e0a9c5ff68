import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** The few parts of Emmett's SQLite store the bench uses (typed here: the peer lives outside our tree). */
export interface EmmettEvent {
  type: string;
  data: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}
export interface EmmettStore {
  aggregateStream<S>(
    stream: string,
    options: { evolve: (state: S, event: EmmettEvent) => S; initialState: () => S },
  ): Promise<{ currentStreamVersion: bigint; state: S; streamExists: boolean }>;
  readStream(
    stream: string,
  ): Promise<{ currentStreamVersion: bigint; events: EmmettEvent[]; streamExists: boolean }>;
  appendToStream(
    stream: string,
    events: EmmettEvent[],
    options?: { expectedStreamVersion?: bigint | 'STREAM_DOES_NOT_EXIST' },
  ): Promise<unknown>;
}
export interface EmmettConnection {
  close(): void;
  command(sql: string, values?: unknown[]): Promise<unknown>;
  querySingle<T>(sql: string, values?: unknown[]): Promise<T | null>;
}
export interface EmmettSqlite {
  getSQLiteEventStore(options: { fileName: string }): EmmettStore;
  sqliteConnection(options: { fileName: string }): EmmettConnection;
  createEventStoreSchema(connection: EmmettConnection): Promise<void>;
  /** One transaction per call (BEGIN IMMEDIATE … COMMIT on the connection): one loop per connection. */
  appendToStream(
    connection: EmmettConnection,
    stream: string,
    streamType: string,
    events: EmmettEvent[],
    options?: { expectedStreamVersion?: bigint },
  ): Promise<{ success: boolean }>;
  readStream(
    connection: EmmettConnection,
    stream: string,
  ): Promise<{ currentStreamVersion: bigint; events: EmmettEvent[]; streamExists: boolean }>;
  readMessagesBatch(
    connection: EmmettConnection,
    options: { after: bigint; batchSize: number },
  ): Promise<{
    currentGlobalPosition: bigint;
    messages: (EmmettEvent & { metadata: Record<string, unknown> })[];
    areEventsLeft: boolean;
  }>;
}

/**
 * Emmett's packages conflict with our dependency tree (commander, emmett versions), so they live in
 * bench/peer with their own lock file, installed on first use (sqlite3 compiles: a minute or two).
 * Returns the module, or why it cannot be had.
 */
export function loadPeer(repoRoot: string): { peer: EmmettSqlite } | { reason: string } {
  const dir = join(repoRoot, 'bench', 'peer');
  if (!existsSync(join(dir, 'node_modules', '@event-driven-io', 'emmett-sqlite'))) {
    process.stdout.write(
      '  installing the peer (npm ci --prefix bench/peer; sqlite3 compiles from source)…\n',
    );
    const run = spawnSync('npm', ['ci', '--prefix', dir, '--no-audit', '--no-fund'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    if (run.status !== 0)
      return {
        reason: `npm ci --prefix bench/peer failed (${run.status ?? run.signal}): ${(run.stderr ?? '').trim().split('\n').slice(-1)[0]}`,
      };
  }
  try {
    return {
      peer: createRequire(join(dir, 'package.json'))('@event-driven-io/emmett-sqlite') as EmmettSqlite,
    };
  } catch (error) {
    return {
      reason: `cannot load @event-driven-io/emmett-sqlite from bench/peer: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    };
  }
}
