/** Thrown when the stream's actual revision is not what the caller expected. */
export class WrongExpectedRevision extends Error {
  override readonly name = 'WrongExpectedRevision';
  constructor(
    readonly stream: string,
    readonly expected: string,
    /** Actual revision of the stream, or 'no_stream'. */
    readonly actual: bigint | 'no_stream',
  ) {
    super(`Stream ${stream}: expected revision ${expected}, actual ${String(actual)}`);
  }
}

/** Thrown when reading a stream that does not exist. */
export class StreamNotFound extends Error {
  override readonly name = 'StreamNotFound';
  constructor(readonly stream: string) {
    super(`Stream ${stream} does not exist`);
  }
}

/** Thrown when the store cannot be written (disk full, read-only file, server unavailable). */
export class StoreUnavailable extends Error {
  override readonly name = 'StoreUnavailable';
  constructor(
    message: string,
    override readonly cause?: unknown,
    /**
     * True when an append failed after it was sent, without an answer (EventStoreDB: a deadline, a
     * lost connection, a shutdown): the server may have committed it. False: nothing was written
     * (SQLite's transaction rolled back, or nothing was sent).
     */
    readonly outcomeUnknown = false,
  ) {
    super(message);
  }
}

/**
 * The store's writer is gone for good in this process (SQLite: its writer thread died): nothing this
 * process sends is recorded until it is restarted. A StoreUnavailable (a 503), outcome unknown for the
 * writes in flight when it died; the API's readiness stays "not ready" from the first one it sees.
 */
export class StoreWriterGone extends StoreUnavailable {}

/**
 * Thrown when some of a batch's event ids are already stored in its stream but the batch as a
 * whole is not an exact retry (different order, only part of it, another revision), or when the
 * batch repeats an id. Ids are unique per stream: the same id in another stream is no clash
 * (except in a SQLite file made by an earlier version, which keeps ids unique across the log).
 * A full retry at the same place is not an error: it returns the original result.
 */
export class DuplicateEventIds extends Error {
  override readonly name = 'DuplicateEventIds';
  constructor(
    readonly stream: string,
    readonly duplicateIds: readonly string[],
    reason: string,
  ) {
    super(`Stream ${stream}: event id(s) ${duplicateIds.join(', ')} already stored; ${reason}`);
  }
}

/**
 * Thrown when a read or subscription starts from a position the store never handed out. EventStoreDB
 * positions are byte offsets in its log: only an event's position (or 0, or the head) is a place to
 * read from; any other number is refused by the server. SQLite's positions are dense, so it never
 * throws this. Callers with a user-supplied cursor answer it as bad input naming their field.
 */
export class InvalidPosition extends Error {
  override readonly name = 'InvalidPosition';
  constructor(
    readonly position: bigint,
    override readonly cause?: unknown,
  ) {
    super(`Position ${position} is not the position of an event in this log`);
  }
}

/**
 * Thrown when one append is larger than the store accepts in a single write (EventStoreDB's
 * MaxAppendSize, 1 MiB of data and metadata by default). Nothing is written. An append is atomic,
 * so the caller decides whether its events may be written in several appends.
 */
export class BatchTooLarge extends Error {
  override readonly name = 'BatchTooLarge';
  constructor(
    readonly stream: string,
    readonly events: number,
    /** The store's limit in bytes, when it says. */
    readonly maxBytes: number | undefined,
  ) {
    super(
      `Stream ${stream}: ${events} event(s) are more than the event store accepts in one append` +
        (maxBytes === undefined ? '' : ` (at most ${maxBytes} bytes of data and metadata)`),
    );
  }
}
