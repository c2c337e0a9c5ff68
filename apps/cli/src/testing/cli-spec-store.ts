import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chainEvents, chainTipAfter } from '@care-journey/audit';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { CORRECTED_JOURNEY } from '../../../../libs/audit/src/testing/corrected-journey';

/** One test's store and what the command printed; fresh for each test. */
export interface CliSpecStore {
  /** A temp folder of the test's own, removed after it. */
  dir: string;
  /** The real SQLite store in it (`events.db`), named by CARE_JOURNEY_SQLITE_FILE. */
  file: string;
  /** What was written to standard output during the test (a spec may clear it between runs). */
  output: string;
  /** What was written to standard error during the test. */
  errors: string;
}

export interface CliSpecStoreOptions {
  /** The temp folder's prefix, naming the spec in a leftover folder. */
  prefix: string;
  /** Child c1's journey (libs/audit's CORRECTED_JOURNEY, hash-chained) in the store; else it is empty. */
  seeded?: boolean;
  /** More environment, on top of the store's settings and NODE_ENV=test. */
  env?: NodeJS.ProcessEnv;
  /** Variables taken out of the environment (a developer's shell may set them). */
  unset?: readonly string[];
}

/**
 * The set-up the CLI command specs share, as beforeEach/afterEach: a real SQLite store in a temp
 * folder, the environment pointing the CLI at it, standard output and error captured; after each
 * test the environment, exit code and writes are restored and the folder removed.
 */
export function useCliSpecStore(options: CliSpecStoreOptions): CliSpecStore {
  const cli: CliSpecStore = { dir: '', file: '', output: '', errors: '' };
  let env: NodeJS.ProcessEnv = process.env;

  beforeEach(async () => {
    cli.dir = mkdtempSync(join(tmpdir(), options.prefix));
    cli.file = join(cli.dir, 'events.db');
    const store = new SqliteEventStore({ file: cli.file, synchronous: 'NORMAL' });
    try {
      if (options.seeded)
        await store.appendToStream(
          'journey-c1',
          chainEvents(chainTipAfter('journey-c1', undefined), CORRECTED_JOURNEY),
          { expectedRevision: 'no_stream' },
        );
    } finally {
      await store.close();
    }
    env = process.env;
    process.env = {
      ...env,
      CARE_JOURNEY_STORE: 'sqlite',
      CARE_JOURNEY_SQLITE_FILE: cli.file,
      NODE_ENV: 'test',
      ...options.env,
    };
    for (const name of options.unset ?? []) delete process.env[name];
    cli.output = '';
    cli.errors = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((cli.output += String(chunk)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((cli.errors += String(chunk)), true));
  });

  afterEach(() => {
    process.env = env;
    process.exitCode = undefined;
    jest.restoreAllMocks();
    rmSync(cli.dir, { recursive: true, force: true });
  });

  return cli;
}
