/** No journey stream for this child id (404). */
export class ChildNotFound extends Error {
  override readonly name = 'ChildNotFound';
  constructor(readonly childId: string) {
    super(`No child with id ${childId}`);
  }
}

/**
 * The stream is not at the revision the write was decided against (409). `actual` is what
 * the client should re-read and decide from.
 */
export class RevisionConflict extends Error {
  override readonly name = 'RevisionConflict';
  constructor(
    readonly childId: string,
    readonly expected: bigint | 'no_stream',
    readonly actual: bigint | 'no_stream',
  ) {
    super(
      `Child ${childId} changed meanwhile: expected revision ${String(expected)}, now at ${String(actual)}`,
    );
  }
}
