/**
 * Versions of the journey events' data, and the one place where an event stored under an older
 * version is brought up to the shape the code folds (docs/CONTRIBUTING.md, "Changing an event's
 * data"). `fromStoredEnvelope` calls `upcastJourneyData` for every event read into the domain.
 */
import { JOURNEY_SCHEMA_VERSION, type JourneyEvent } from './events';

type JourneyEventType = JourneyEvent['type'];
type EventData = Record<string, unknown>;

/** Turns data of version n into data of version n + 1. Pure: no clock, no I/O. */
export type Upcaster = (data: EventData) => EventData;

export interface JourneySchemas {
  /** The version the code writes for a type; a type not listed is at JOURNEY_SCHEMA_VERSION. */
  current: Partial<Record<JourneyEventType, number>>;
  /** Per type, the upcaster from each older version n to n + 1. */
  upcasters: Partial<Record<JourneyEventType, Record<number, Upcaster>>>;
}

/**
 * Every type is at version 1: so far event data has only gained optional fields, which need no
 * upcaster. A breaking change raises that type's version here and adds its upcaster.
 */
export const JOURNEY_SCHEMAS: JourneySchemas = { current: {}, upcasters: {} };

export function currentSchemaVersion(type: string, schemas: JourneySchemas = JOURNEY_SCHEMAS): number {
  return schemas.current[type as JourneyEventType] ?? JOURNEY_SCHEMA_VERSION;
}

/** Where a stored event is, for the errors below. */
export interface StoredEventPlace {
  id: string;
  type: string;
  streamId?: string;
  revision?: bigint;
  globalPosition?: bigint;
}

function describePlace({ id, type, streamId, revision, globalPosition }: StoredEventPlace): string {
  const where = [
    streamId !== undefined && `stream ${streamId}`,
    revision !== undefined && `revision ${revision}`,
    globalPosition !== undefined && `global position ${globalPosition}`,
  ].filter(Boolean);
  return `Event ${type} (id ${id}${where.length > 0 ? `, ${where.join(', ')}` : ''})`;
}

/**
 * Why a stored version cannot be read: written by a newer build (`newer`: this build must be
 * upgraded), not a whole number >= 1 (`malformed`), or an older version this build has no
 * upcaster for (`no-upcaster`: a defect of this build). Callers answer `newer` as an outage.
 */
export type UnreadableReason = 'newer' | 'malformed' | 'no-upcaster';

/**
 * An event written by a newer build (a rolling deploy, a projector worker on an older build) or
 * with a version this code cannot read: folding it as if it were known would be silently wrong.
 * The message names the event's type, id and place and both versions, never its data.
 */
export class UnreadableEventSchema extends Error {
  override readonly name = 'UnreadableEventSchema';
  /** Where the event is: only its place is kept, so the error never carries the event's data. */
  readonly event: StoredEventPlace;
  constructor(
    { id, type, streamId, revision, globalPosition }: StoredEventPlace,
    readonly schemaVersion: unknown,
    readonly knownVersion: number,
    readonly reason: UnreadableReason,
    explanation: string,
  ) {
    const event = { id, type, streamId, revision, globalPosition };
    super(`${describePlace(event)}: metadata.schemaVersion ${String(schemaVersion)} ${explanation}`);
    this.event = event;
  }
}

/**
 * The event's data at the version the code folds. An absent version is 1 (the port requires one;
 * hand-made envelopes in specs leave it out). A newer version than the code knows, or one that is
 * not a whole number >= 1, is refused: nothing is folded from it.
 */
export function upcastJourneyData(
  event: StoredEventPlace & { data: EventData },
  schemaVersion: unknown,
  schemas: JourneySchemas = JOURNEY_SCHEMAS,
): EventData {
  const known = currentSchemaVersion(event.type, schemas);
  const version = schemaVersion === undefined ? 1 : schemaVersion;
  if (version === known) return event.data;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new UnreadableEventSchema(event, schemaVersion, known, 'malformed', 'must be a whole number >= 1');
  if (version > known) {
    throw new UnreadableEventSchema(
      event,
      version,
      known,
      'newer',
      `is newer than this code knows for ${event.type} (${known}): upgrade before reading this store`,
    );
  }
  let data = event.data;
  for (let from = version; from < known; from++) {
    const upcaster = schemas.upcasters[event.type as JourneyEventType]?.[from];
    if (!upcaster)
      throw new UnreadableEventSchema(
        event,
        version,
        known,
        'no-upcaster',
        `has no upcaster from ${from} to ${from + 1}`,
      );
    data = upcaster(data);
  }
  return data;
}
