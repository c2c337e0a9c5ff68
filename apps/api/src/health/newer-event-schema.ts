import type { ApiProjectionLag } from '../projections/live-projection';

/**
 * Why GET /health/projections answers 503 when the projector is stuck on an event a newer build
 * wrote (ops review s12 F14): a schema upgrade half done, this process's projector on the older
 * build. Said apart from other failures so the page names the fix (upgrade this process; or hold
 * the new version's writes: apps/api/README.md, "Event schema upgrades"). Type and version
 * numbers only, no case data: shown without a token too.
 */
export interface NewerEventSchemaReason {
  reason: 'newer-event-schema';
  newerEventSchema: {
    /** The stored event's type (EntryAmended for an amendment of a raised type). */
    eventType: string;
    /** `metadata.schemaVersion`, or an amendment's `amendedSchemaVersion`. */
    field: string;
    /** The type whose data the version is of: the event's, or the corrected entry's for an amendment. */
    dataType: string;
    /** The version the event holds. */
    version: number | string;
    /** The highest this process reads. */
    readable: number;
  };
}

/** The reason, while the projector's failure is an event of a version newer than it reads. */
export function newerEventSchemaReason(lag: ApiProjectionLag): NewerEventSchemaReason | undefined {
  const schema = lag.failure?.error.schema;
  if (schema?.reason !== 'newer') return undefined;
  const { field, dataType, version, readable } = schema;
  const eventType = lag.failure?.event?.type ?? dataType;
  return {
    reason: 'newer-event-schema',
    newerEventSchema: { eventType, dataType, field, version, readable },
  };
}
