import type { ExpectedRevision } from './event-store.port';

/** Whether a stream at `current` (undefined: no such stream) is where `expected` says it is. */
export function matchesExpected(expected: ExpectedRevision, current: bigint | undefined): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === undefined;
  if (expected === 'stream_exists') return current !== undefined;
  return current === expected;
}

export function describeExpected(expected: ExpectedRevision): string {
  return typeof expected === 'bigint' ? expected.toString() : expected;
}
