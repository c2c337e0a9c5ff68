/**
 * How a decided journey event is stored: its id, its data and its recording metadata. The ONE
 * definition used by every write path (the API, the synthetic authority, the 903 import), so an
 * event reads back the same whichever way it was written. Structurally an event-store `NewEvent`;
 * the domain does not import the store.
 */
import {
  currentSchemaVersion,
  JOURNEY_SCHEMAS,
  type JourneySchemas,
  upcastJourneyData,
} from './event-schema';
import type { JourneyEvent, StoredJourneyEvent } from './events';

export interface RecordingContext {
  /** The instant the event is recorded (ISO-8601, UTC). */
  now: string;
  recordedBy: string;
  correlationId?: string;
  causationId?: string;
}

export interface JourneyEnvelope {
  id: string;
  type: JourneyEvent['type'];
  data: Record<string, unknown>;
  metadata: {
    recordedAt: string;
    recordedBy: string;
    correlationId?: string;
    causationId?: string;
    schemaVersion: number;
  };
}

const toTag = Object.prototype.toString;

/**
 * What `structuredClone` gives for decided event data (strings, numbers, booleans, null, arrays,
 * objects — including class instances, which come out as plain objects), without its
 * serialise/deserialise round trip per event. Anything else (a Date, a Map, a `__proto__` key, …)
 * and anything cyclic is handed to `structuredClone` whole. (An object reached twice becomes two
 * equal copies rather than one shared copy: the same JSON, which is all a store keeps.)
 */
function plainCopy(value: unknown): unknown {
  const copied = copyTree(value, 0);
  return copied === NOT_PLAIN ? structuredClone(value) : copied;
}

const NOT_PLAIN = Symbol('not plain');
/** Deeper than any event's data: past it, structuredClone decides (cycles end up there too). */
const MAX_DEPTH = 32;

function copyTree(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object') {
    // structuredClone throws on functions and symbols; let it.
    return typeof value === 'function' || typeof value === 'symbol' ? NOT_PLAIN : value;
  }
  if (depth > MAX_DEPTH) return NOT_PLAIN;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return NOT_PLAIN;
    const out: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      // A hole or an extra key: leave the exact semantics to structuredClone.
      if (!(i in value)) return NOT_PLAIN;
      const item = copyTree(value[i], depth + 1);
      if (item === NOT_PLAIN) return NOT_PLAIN;
      out[i] = item;
    }
    return Object.keys(value).length === value.length ? out : NOT_PLAIN;
  }
  if (toTag.call(value) !== '[object Object]') return NOT_PLAIN;
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    if (key === '__proto__') return NOT_PLAIN;
    const item = copyTree(record[key], depth + 1);
    if (item === NOT_PLAIN) return NOT_PLAIN;
    out[key] = item;
  }
  return out;
}

export function journeyEnvelope(event: JourneyEvent, id: string, context: RecordingContext): JourneyEnvelope {
  return {
    id,
    type: event.type,
    // A plain deep copy: class instances (e.g. validated DTOs) must not leak into stored data.
    data: plainCopy(event.data) as Record<string, unknown>,
    metadata: {
      recordedAt: context.now,
      recordedBy: context.recordedBy,
      ...(context.correlationId !== undefined && { correlationId: context.correlationId }),
      ...(context.causationId !== undefined && { causationId: context.causationId }),
      schemaVersion: currentSchemaVersion(event.type),
    },
  };
}

/** A stored event as the store returns it (structurally an event-store `RecordedEvent`). */
export interface StoredEnvelope {
  id: string;
  type: string;
  data: Record<string, unknown>;
  metadata: { recordedAt: string; recordedBy: string; [key: string]: unknown };
  streamId?: string;
  revision?: bigint;
  globalPosition?: bigint;
}

/**
 * A stored event as the domain folds it: type and data, plus who recorded it and when. Journey
 * streams hold only journey events (every writer goes through `decide`), so the type is trusted
 * here rather than re-validated on every read. The data is brought to the version the code folds
 * (`upcastJourneyData`, event-schema.ts): an event of a newer version is refused, naming it.
 * An upcast event keeps its stored data and version in `asStored` (see StoredJourneyEvent).
 * `positions: false` leaves out the bigint revision and global position, for callers that
 * serialise events as JSON. `schemas` is for specs of a version history (event-schema.ts).
 */
export function fromStoredEnvelope(
  stored: StoredEnvelope,
  { positions = true, schemas = JOURNEY_SCHEMAS }: { positions?: boolean; schemas?: JourneySchemas } = {},
): StoredJourneyEvent {
  const { schemaVersion } = stored.metadata;
  const data = upcastJourneyData(stored, schemaVersion, schemas);
  return {
    type: stored.type,
    data,
    // Upcast: keep the data as stored, for an amendment written at that version (resolveCorrections).
    ...(data !== stored.data && {
      asStored: { schemaVersion: (schemaVersion as number | undefined) ?? 1, data: stored.data },
    }),
    id: stored.id,
    recordedAt: stored.metadata.recordedAt,
    recordedBy: stored.metadata.recordedBy,
    ...(positions && stored.revision !== undefined && { revision: stored.revision }),
    ...(positions && stored.globalPosition !== undefined && { globalPosition: stored.globalPosition }),
  } as StoredJourneyEvent;
}
