import type { AppendOptions, NewEvent } from './event-store.port';

/** Bad input is refused before anything is written, with the field and the rule in the message. */
export function validateAppend(stream: string, events: readonly NewEvent[], options: AppendOptions): void {
  if (typeof stream !== 'string' || stream.length === 0) {
    throw new TypeError(`stream must be a non-empty string, got ${JSON.stringify(stream)}`);
  }
  if (!Array.isArray(events) || events.length === 0) {
    throw new RangeError(`events must be a non-empty array (stream ${stream})`);
  }
  const expected = options?.expectedRevision;
  if (!isExpectedRevision(expected)) {
    throw new TypeError(
      `expectedRevision must be 'no_stream', 'any', 'stream_exists' or a bigint >= 0n, got ${String(expected)} (stream ${stream})`,
    );
  }
  const onlyIf = options.onlyIf;
  if (onlyIf !== undefined) {
    if (typeof onlyIf?.stream !== 'string' || onlyIf.stream.length === 0 || onlyIf.stream === stream) {
      throw new TypeError(
        `onlyIf.stream must be a non-empty string naming another stream, got ${JSON.stringify(onlyIf?.stream)} (stream ${stream})`,
      );
    }
    if (!isExpectedRevision(onlyIf.revision)) {
      throw new TypeError(
        `onlyIf.revision must be 'no_stream', 'any', 'stream_exists' or a bigint >= 0n, got ${String(onlyIf.revision)} (stream ${stream})`,
      );
    }
  }
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    if (typeof event?.id !== 'string' || event.id.length === 0) {
      throw new TypeError(`events[${i}].id must be a non-empty string (stream ${stream})`);
    }
    if (typeof event.type !== 'string' || event.type.length === 0) {
      throw new TypeError(`events[${i}].type must be a non-empty string (stream ${stream})`);
    }
  }
}

function isExpectedRevision(expected: unknown): boolean {
  return (
    expected === 'any' ||
    expected === 'no_stream' ||
    expected === 'stream_exists' ||
    (typeof expected === 'bigint' && expected >= 0n)
  );
}

export function validateMaxCount(maxCount: number | undefined): void {
  if (maxCount !== undefined && (!Number.isInteger(maxCount) || maxCount < 0)) {
    throw new RangeError(`maxCount must be an integer >= 0, got ${String(maxCount)}`);
  }
}
