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
  constructor(message: string, readonly cause?: unknown) {
    super(message);
  }
}
