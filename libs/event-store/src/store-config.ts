/** Which event store to build, read from the environment once at start-up. */
export type StoreConfig =
  | {
      kind: 'sqlite';
      file: string;
      synchronous: 'FULL' | 'NORMAL';
      /**
       * Who runs the COMMITs: a writer thread (the default from the environment) or this thread
       * (CARE_JOURNEY_SQLITE_WRITER=same-thread). Unset here means this thread, as the store's own default.
       */
      writer?: SqliteWriterMode;
      /** Who checkpoints the WAL: the COMMIT crossing it (default) or a thread of its own (CARE_JOURNEY_SQLITE_CHECKPOINTS=thread). */
      checkpoints?: SqliteCheckpointMode;
      /** WAL pages at which the writer checkpoints (CARE_JOURNEY_SQLITE_CHECKPOINT_PAGES; the store's default when unset). */
      checkpointPages?: number;
    }
  | { kind: 'eventstoredb'; connectionString: string };

export type SqliteWriterMode = 'same-thread' | 'thread';

export type SqliteCheckpointMode = 'writer' | 'thread';

export const DEFAULT_SQLITE_FILE = './data/care-journey.db';

/** A configuration mistake: names the variable, the value and what is allowed. */
export class StoreConfigError extends Error {
  override readonly name = 'StoreConfigError';
  constructor(
    readonly variable: string,
    readonly value: string | undefined,
    readonly allowed: string,
  ) {
    super(`${variable}=${value === undefined ? '(not set)' : JSON.stringify(value)} is invalid: ${allowed}`);
  }
}

type Env = Record<string, string | undefined>;

/** Unset and empty mean the same: an empty line in an env file should not change behaviour. */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** A two-way setting (any case), undefined when unset; anything else names both values. */
function modeOf<D extends string, O extends string>(
  env: Env,
  name: string,
  byDefault: D,
  other: O,
): D | O | undefined {
  const value = read(env, name)?.toLowerCase();
  if (value === undefined || value === byDefault || value === other) return value as D | O | undefined;
  throw new StoreConfigError(name, env[name], `allowed values are '${byDefault}' (default) or '${other}'`);
}

/** A whole number of WAL pages from 1 to 1,000,000, undefined when unset. */
function pagesOf(env: Env, name: string): number | undefined {
  const value = read(env, name);
  if (value === undefined) return undefined;
  const pages = /^\d+$/.test(value) ? Number(value) : NaN;
  if (Number.isInteger(pages) && pages >= 1 && pages <= 1_000_000) return pages;
  throw new StoreConfigError(name, env[name], 'must be a whole number of WAL pages from 1 to 1000000');
}

export function loadStoreConfig(env: Env = process.env): StoreConfig {
  const kind = read(env, 'CARE_JOURNEY_STORE') ?? 'sqlite';
  if (kind === 'sqlite') {
    const synchronous = (read(env, 'CARE_JOURNEY_SQLITE_SYNCHRONOUS') ?? 'FULL').toUpperCase();
    if (synchronous !== 'FULL' && synchronous !== 'NORMAL') {
      throw new StoreConfigError(
        'CARE_JOURNEY_SQLITE_SYNCHRONOUS',
        env.CARE_JOURNEY_SQLITE_SYNCHRONOUS,
        "allowed values are 'FULL' (default) or 'NORMAL'",
      );
    }
    // The writer thread takes each COMMIT and its fsync off the event loop: lower p99 at the same
    // throughput (bench finding 40), so it is what a deployment gets unless it says otherwise.
    const writer = modeOf(env, 'CARE_JOURNEY_SQLITE_WRITER', 'thread', 'same-thread') ?? 'thread';
    const checkpoints = modeOf(env, 'CARE_JOURNEY_SQLITE_CHECKPOINTS', 'writer', 'thread');
    const checkpointPages = pagesOf(env, 'CARE_JOURNEY_SQLITE_CHECKPOINT_PAGES');
    return {
      kind,
      file: read(env, 'CARE_JOURNEY_SQLITE_FILE') ?? DEFAULT_SQLITE_FILE,
      synchronous,
      writer,
      ...(checkpoints !== undefined && { checkpoints }),
      ...(checkpointPages !== undefined && { checkpointPages }),
    };
  }
  if (kind === 'eventstoredb') {
    const connectionString = read(env, 'EVENTSTORE_CONNECTION_STRING');
    if (!connectionString || !/^esdb(\+discover)?:\/\/\S+$/.test(connectionString)) {
      throw new StoreConfigError(
        'EVENTSTORE_CONNECTION_STRING',
        env.EVENTSTORE_CONNECTION_STRING,
        "required when CARE_JOURNEY_STORE=eventstoredb; must start with 'esdb://' or 'esdb+discover://' (e.g. esdb://localhost:2113?tls=false)",
      );
    }
    return { kind, connectionString };
  }
  throw new StoreConfigError(
    'CARE_JOURNEY_STORE',
    env.CARE_JOURNEY_STORE,
    "allowed values are 'sqlite' (default) or 'eventstoredb'",
  );
}
