/**
 * The event the live projector cannot get past, as health reports it: where it is (id, type,
 * stream, positions), never its data; the error's name, and its message only when the error is
 * known to carry no case data (UnreadableEventSchema builds its message from ids and versions).
 */
import type { RecordedEvent } from '@care-journey/event-store';
import { UnreadableEventSchema, type UnreadableReason } from '@care-journey/journey';
import { isStorageError } from './storage-error';

/** Where a stored event is (the shape UnreadableEventSchema keeps; a RecordedEvent has it too). */
type StoredEventPlace = UnreadableEventSchema['event'];

export interface StuckEventPlace {
  id: string;
  type: string;
  streamId?: string;
  revision?: string;
  globalPosition?: string;
}

/** A failure the projector keeps retrying (the checkpoint stays before it; nothing is skipped). */
export interface ProjectorFailure {
  /** Failed attempts in a row (since the last batch that was applied). */
  attempts: number;
  /** When the first of them failed (ISO). */
  since: string;
  /** When the latest failed (ISO). */
  lastAttemptAt: string;
  /** When the next attempt starts (ISO); absent when the projector does not retry by itself. */
  nextAttemptAt?: string;
  /**
   * The event it fails on; absent while a batch of several failed (the next attempt applies them
   * one by one) or when no event is at fault (`error.kind: 'storage'`).
   */
  event?: StuckEventPlace;
  error: {
    name: string;
    /**
     * `storage`: the storage failed (disk full, I/O error, read-only, locked; the event store
     * unreachable), so no event is named: fix the storage (storage-error.ts). Absent otherwise.
     */
    kind?: 'storage';
    /** The error's message when it holds no case data; else withheld (the admin route and the log have it). */
    message: string;
    /** The whole message, whatever it holds: GET /admin/projections only (public health drops it). */
    detail?: string;
    /** UnreadableEventSchema: why, and which versions (no case data; health's `newer-event-schema`). */
    schema?: UnreadableSchemaFacts;
  };
}

export interface UnreadableSchemaFacts {
  reason: UnreadableReason;
  /** The version field read: `metadata.schemaVersion`, or an amendment's `amendedSchemaVersion`. */
  field: string;
  /** The type whose data the version is of: the event's, or the corrected entry's for an amendment. */
  dataType: string;
  /** The version the event holds (as text when it is not a number: a malformed one). */
  version: number | string;
  /** The highest version this build reads for the type. */
  readable: number;
}

export const WITHHELD_MESSAGE = 'withheld: may hold case data (GET /admin/projections and the log have it)';

const text = (value: bigint | undefined): string | undefined => value?.toString(10);

function placeOf(event: StoredEventPlace): StuckEventPlace {
  return {
    id: event.id,
    type: event.type,
    ...(event.streamId !== undefined && { streamId: event.streamId }),
    ...(event.revision !== undefined && { revision: text(event.revision) }),
    ...(event.globalPosition !== undefined && { globalPosition: text(event.globalPosition) }),
  };
}

/**
 * The event a failed batch is stuck on: the one the error names (an unreadable schema), else the
 * batch's only event; undefined when a batch of several failed without saying which, or when the
 * storage failed (no event is to blame: a full disk fails whichever event comes next).
 */
export function stuckEventOf(
  error: unknown,
  batch: readonly RecordedEvent[] | undefined,
): StuckEventPlace | undefined {
  if (error instanceof UnreadableEventSchema) return placeOf(error.event);
  if (isStorageError(error)) return undefined;
  if (batch?.length === 1) return placeOf(batch[0]);
  return undefined;
}

/** The error's name, a message safe to show (see ProjectorFailure.error) and the whole text for admins. */
export function shownError(error: unknown): ProjectorFailure['error'] {
  const detail = fullErrorText(error);
  if (error instanceof UnreadableEventSchema) {
    const { reason, field, schemaVersion, knownVersion, dataType } = error;
    const version = typeof schemaVersion === 'number' ? schemaVersion : String(schemaVersion);
    const schema = { reason, field, dataType, version, readable: knownVersion };
    return { name: error.name, message: error.message, detail, schema };
  }
  // By its name, not instanceof: a native module's error may come from another realm (a worker, a VM).
  const named = (error as { name?: unknown } | null)?.name;
  const name = typeof named === 'string' ? named : typeof error;
  return {
    name,
    ...(isStorageError(error) && { kind: 'storage' as const }),
    message: WITHHELD_MESSAGE,
    detail,
  };
}

/** The error as the log and the admin route give it (they may hold case data: not for public health). */
export function fullErrorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
