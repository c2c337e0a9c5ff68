/**
 * Versions of the journey events' data, and the one place where an event stored under an older
 * version is brought up to the shape the code folds (docs/CONTRIBUTING.md, "Changing an event's
 * data"). `fromStoredEnvelope` calls `upcastJourneyData` for every event read into the domain.
 */
import type { JourneyEvent } from './events';

type JourneyEventType = JourneyEvent['type'];
type EventData = Record<string, unknown>;

/**
 * The first version of every type's data. Not exported from the package: a fixture writing an
 * event stamps `currentSchemaVersion(type)`, the version its data is in, never this.
 */
export const BASE_SCHEMA_VERSION = 1;

/** Turns data of version n into data of version n + 1. Pure: no clock, no I/O. */
export type Upcaster = (data: EventData) => EventData;

export interface JourneySchemas {
  /** The version the code writes for a type; a type not listed is at BASE_SCHEMA_VERSION. */
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
  return schemas.current[type as JourneyEventType] ?? BASE_SCHEMA_VERSION;
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
 * The message names the event's type, id and place and both versions, never its data. `field` is
 * the version read: the event's own, or an amendment's `amendedSchemaVersion` (amended-entry.ts);
 * `dataType` the type whose data it versions: the event's, or the corrected entry's.
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
    readonly field = 'metadata.schemaVersion',
    readonly dataType = type,
  ) {
    const event = { id, type, streamId, revision, globalPosition };
    super(`${describePlace(event)}: ${field} ${String(schemaVersion)} ${explanation}`);
    this.event = event;
  }
}

/** What is being read: the event's place, the type whose data it is, and which version field says so. */
export interface VersionRead {
  place: StoredEventPlace;
  /** The type whose data is read: the event's own, or the corrected entry's for an amendment. */
  dataType: string;
  field?: string;
}

/**
 * `version` (an absent one already read as 1) as a number no newer than `known`: `known` itself, or
 * an older one for the caller to upcast or refuse. One not a whole number >= 1, or newer than
 * `known`, is refused by name: the one refusal for journey events and the other stored events
 * (stored-event-version.ts), so both say it in the same words.
 */
export function readableUpTo(
  { place, dataType, field }: VersionRead,
  version: unknown,
  known: number,
): number {
  if (version === known) return known;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    throw new UnreadableEventSchema(
      place,
      version,
      known,
      'malformed',
      'must be a whole number >= 1',
      field,
      dataType,
    );
  if (version > known) {
    throw new UnreadableEventSchema(
      place,
      version,
      known,
      'newer',
      `is newer than this code knows for ${dataType} (${known}): upgrade before reading this store`,
      field,
      dataType,
    );
  }
  return version;
}

/**
 * A stored version as a number the code can read: absent is 1 (the port requires one; hand-made
 * envelopes in specs leave it out); one not a whole number >= 1, or newer than the code knows for
 * the type, is refused.
 */
export function readableVersion(
  read: VersionRead,
  schemaVersion: unknown,
  schemas: JourneySchemas = JOURNEY_SCHEMAS,
): number {
  const version = schemaVersion === undefined ? 1 : schemaVersion;
  return readableUpTo(read, version, currentSchemaVersion(read.dataType, schemas));
}

/** `data` of version `from` brought to version `to` (from <= to), one upcaster per step. */
export function upcastBetween(
  { place, dataType, field }: VersionRead,
  data: EventData,
  from: number,
  to: number,
  schemas: JourneySchemas = JOURNEY_SCHEMAS,
): EventData {
  let upcast = data;
  for (let step = from; step < to; step++) {
    const upcaster = schemas.upcasters[dataType as JourneyEventType]?.[step];
    if (!upcaster)
      throw new UnreadableEventSchema(
        place,
        from,
        currentSchemaVersion(dataType, schemas),
        'no-upcaster',
        `has no upcaster from ${step} to ${step + 1}`,
        field,
        dataType,
      );
    upcast = upcaster(upcast);
  }
  return upcast;
}

/**
 * The event's data at the version the code folds. An absent version is 1. A newer version than
 * the code knows, or one that is not a whole number >= 1, is refused: nothing is folded from it.
 */
export function upcastJourneyData(
  event: StoredEventPlace & { data: EventData },
  schemaVersion: unknown,
  schemas: JourneySchemas = JOURNEY_SCHEMAS,
): EventData {
  const read = { place: event, dataType: event.type };
  const version = readableVersion(read, schemaVersion, schemas);
  return upcastBetween(read, event.data, version, currentSchemaVersion(event.type, schemas), schemas);
}
