import { HttpStatus } from '@nestjs/common';
import { JOURNEY_STREAM_PREFIX, type UnreadableEventSchema } from '@care-journey/journey';
import type { HttpError } from './error-mapping';

/** The `code` of every answer about a stored event this build cannot read (apps/api/README.md, Errors). */
export const UNREADABLE_EVENT_SCHEMA = 'unreadable-event-schema';

/** The page title the panel shows for it (web-exception.filter.ts). */
export const UNREADABLE_EVENT_TITLE = 'This record cannot be read by this version of Care Journey';

const asJson = (value: bigint | undefined): string | undefined => value?.toString(10);

/**
 * Where the event is and which versions: ids, type and numbers only, never the event's data (it
 * holds names, dates of birth…). The child is the stream's, for a journey stream.
 */
function facts(error: UnreadableEventSchema): Record<string, unknown> {
  const { id, type, streamId, revision, globalPosition } = error.event;
  const childId = streamId?.startsWith(JOURNEY_STREAM_PREFIX)
    ? streamId.slice(JOURNEY_STREAM_PREFIX.length)
    : undefined;
  return {
    streamId,
    childId,
    eventId: id,
    eventType: type,
    revision: asJson(revision),
    globalPosition: asJson(globalPosition),
    schemaVersion: error.schemaVersion,
    readableVersion: error.knownVersion,
    // An amendment's amendedSchemaVersion: the version of the corrected entry's data it holds.
    ...(amends(error) && { versionField: error.field, dataType: error.dataType }),
  };
}

const amends = (error: UnreadableEventSchema): boolean => error.field !== 'metadata.schemaVersion';

/** Why a version that is not newer cannot be read. */
function unreadableBecause(error: UnreadableEventSchema): string {
  if (error.reason === 'no-upcaster') return 'no upcaster for it';
  const { schemaVersion } = error;
  const whole = typeof schemaVersion === 'number' && Number.isInteger(schemaVersion) && schemaVersion >= 1;
  return whole && amends(error) ? 'older than the entry it amends' : 'not a whole number of 1 or more';
}

/**
 * A newer build wrote the event (a rolling deploy half done, an older process left running): this
 * build cannot read the record until it is upgraded, which is an outage, not a bug: 503. A version
 * that is malformed, or older with no upcaster, is a defect: 500. Both say what and where.
 */
export function unreadableEventResponse(error: UnreadableEventSchema): HttpError {
  const { type, id } = error.event;
  const newer = error.reason === 'newer';
  const status = newer ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR;
  const message = newer
    ? `This record holds an entry (${type}, id ${id}) written by a newer version of Care Journey ` +
      `(schema version ${String(error.schemaVersion)}${amends(error) ? ` of its ${error.dataType} data` : ''}; ` +
      `this version reads ${error.dataType} up to ${error.knownVersion}), ` +
      'so this version cannot read the record. Nothing was recorded. Upgrade this service ' +
      '(API, projector and command line) to the version that wrote it.'
    : `This record holds an entry (${type}, id ${id}) whose schema version ` +
      `(${JSON.stringify(error.schemaVersion) ?? 'undefined'}) this version of Care Journey cannot read ` +
      `(${unreadableBecause(error)}). ` +
      'Nothing was recorded. Report it: the entry or this version needs fixing.';
  return {
    status,
    body: {
      statusCode: status,
      error: newer ? 'Service Unavailable' : 'Internal Server Error',
      code: UNREADABLE_EVENT_SCHEMA,
      message,
      event: facts(error),
    },
  };
}
