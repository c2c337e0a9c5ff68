import { DuplicateEventIds, WrongExpectedRevision } from '../errors';
import type { AppendResult } from '../event-store.port';
import type { AppendOutcome, AppendRequest, GroupResult } from './sqlite-commit';
import type { SynchronousMode } from './sqlite-schema';

/** How the writer thread opens its connection (the file already exists, schema made). */
export interface WriterSettings {
  file: string;
  synchronous: SynchronousMode;
  busyTimeoutMs: number;
  /** wal_autocheckpoint of the thread's connection: it checkpoints itself, off the caller's loop. */
  checkpointPages: number;
}

/** Messages to the writer thread; each is answered once, with the same id, in order. */
export type WriterRequest =
  | { id: number; kind: 'commit'; group: AppendRequest[] }
  | { id: number; kind: 'pragma'; sql: string }
  | { id: number; kind: 'close' };

export type WriterReply =
  | { id: number; kind: 'commit'; result: WireGroupResult }
  | { id: number; kind: 'pragma'; value?: unknown; error?: WireError }
  | { id: number; kind: 'close' };

/**
 * An error as it crosses threads. Structured clone keeps only an Error's name and message, so
 * the port's errors go field by field and anything else keeps its SQLite `code` (what
 * mapSqliteError and isUniqueViolation look at).
 */
export type WireError =
  | { kind: 'WrongExpectedRevision'; stream: string; expected: string; actual: bigint | 'no_stream' }
  | { kind: 'DuplicateEventIds'; stream: string; duplicateIds: string[]; message: string }
  | { kind: 'other'; name: string; message: string; code?: string };

type WireOutcome = { ok: true; result: AppendResult } | { ok: false; error: WireError };
export type WireGroupResult = { outcomes: WireOutcome[] } | { failure: WireError };

export function toWireError(error: unknown): WireError {
  if (error instanceof WrongExpectedRevision) {
    return {
      kind: 'WrongExpectedRevision',
      stream: error.stream,
      expected: error.expected,
      actual: error.actual,
    };
  }
  if (error instanceof DuplicateEventIds) {
    return {
      kind: 'DuplicateEventIds',
      stream: error.stream,
      duplicateIds: [...error.duplicateIds],
      message: error.message,
    };
  }
  const code = (error as { code?: unknown } | null)?.code;
  return {
    kind: 'other',
    name: error instanceof Error ? error.name : 'Error',
    message: error instanceof Error ? error.message : String(error),
    ...(typeof code === 'string' && { code }),
  };
}

export function fromWireError(wire: WireError): Error {
  if (wire.kind === 'WrongExpectedRevision') {
    return new WrongExpectedRevision(wire.stream, wire.expected, wire.actual);
  }
  if (wire.kind === 'DuplicateEventIds') {
    // The message is "…already stored; <reason>": rebuild it with the same reason.
    const prefix = `Stream ${wire.stream}: event id(s) ${wire.duplicateIds.join(', ')} already stored; `;
    const reason = wire.message.startsWith(prefix) ? wire.message.slice(prefix.length) : wire.message;
    return new DuplicateEventIds(wire.stream, wire.duplicateIds, reason);
  }
  const error = new Error(wire.message);
  error.name = wire.name;
  if (wire.code !== undefined) Object.assign(error, { code: wire.code });
  return error;
}

export function toWireResult(result: GroupResult): WireGroupResult {
  if ('failure' in result) return { failure: toWireError(result.failure) };
  return {
    outcomes: result.outcomes.map((o) => (o.ok ? o : { ok: false, error: toWireError(o.error) })),
  };
}

export function fromWireResult(wire: WireGroupResult): GroupResult {
  if ('failure' in wire) return { failure: fromWireError(wire.failure) };
  return {
    outcomes: wire.outcomes.map((o): AppendOutcome =>
      o.ok ? o : { ok: false, error: fromWireError(o.error) },
    ),
  };
}
