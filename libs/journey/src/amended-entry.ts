/**
 * An entry's data with its amendments laid over it, each at the schema version it was written at:
 * the entry's data is brought to the amendment's version, the amendment's fields are laid over it,
 * and the result is upcast to the version the code folds. So an upcaster always sees a whole entry,
 * never an amendment's few fields, and an amendment stored before a version bump cannot bring an
 * old field or code back (docs/CONTRIBUTING.md, "Changing an event's data").
 */
import {
  currentSchemaVersion,
  JOURNEY_SCHEMAS,
  readableVersion,
  UnreadableEventSchema,
  upcastBetween,
  type JourneySchemas,
  type VersionRead,
} from './event-schema';
import type { StoredData, StoredJourneyEvent } from './events';

export type StoredAmendment = StoredJourneyEvent & { type: 'EntryAmended' };

/** The entry's data as amendments start from: as stored (kept when it was upcast on read), or its data at the current version. */
export const storedDataOf = (
  entry: StoredJourneyEvent,
  schemas: JourneySchemas = JOURNEY_SCHEMAS,
): StoredData =>
  entry.asStored ?? { schemaVersion: currentSchemaVersion(entry.type, schemas), data: entry.data };

/** `amendment` laid over the entry's data `before` (of type `entryType`), at the amendment's version. */
export function layAmendment(
  entryType: string,
  before: StoredData,
  amendment: StoredAmendment,
  schemas: JourneySchemas = JOURNEY_SCHEMAS,
): StoredData {
  const { id, type, revision, globalPosition } = amendment;
  const read: VersionRead = {
    place: { id, type, revision, globalPosition },
    dataType: entryType,
    field: 'amendedSchemaVersion',
  };
  const version = readableVersion(read, amendment.data.amendedSchemaVersion, schemas);
  if (version < before.schemaVersion) {
    // Every build refuses to read a version newer than it knows, so none can decide an amendment
    // after a newer build wrote to the entry: this one was not written through `decide`.
    throw new UnreadableEventSchema(
      read.place,
      version,
      currentSchemaVersion(entryType, schemas),
      'malformed',
      `is older than the ${entryType} data it amends (version ${before.schemaVersion})`,
      read.field,
      entryType,
    );
  }
  const data = upcastBetween(read, before.data, before.schemaVersion, version, schemas);
  return { schemaVersion: version, data: { ...data, ...amendment.data.amendedData } };
}

/** The entry's data with `amendments` (in stream order) laid over it, at the version the code folds. */
export function amendedData(
  entry: StoredJourneyEvent,
  amendments: readonly StoredAmendment[],
  schemas: JourneySchemas = JOURNEY_SCHEMAS,
): Record<string, unknown> {
  let amended = storedDataOf(entry, schemas);
  for (const amendment of amendments) amended = layAmendment(entry.type, amended, amendment, schemas);
  return upcastToCurrent(entry, amended, schemas);
}

/** An entry's data at `version` brought to the version the code folds. */
export const upcastToCurrent = (
  entry: StoredJourneyEvent,
  { schemaVersion, data }: StoredData,
  schemas: JourneySchemas = JOURNEY_SCHEMAS,
): Record<string, unknown> =>
  upcastBetween(
    { place: entry, dataType: entry.type },
    data,
    schemaVersion,
    currentSchemaVersion(entry.type, schemas),
    schemas,
  );
