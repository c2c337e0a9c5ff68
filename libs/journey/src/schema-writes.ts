/**
 * Which new versions of event data a decision would write that the store has not seen yet (ops
 * review s12 F14). With CARE_JOURNEY_SCHEMA_WRITES=held a writer refuses such a decision, so an
 * upgrade can put the build that reads a raised version on every process (API hosts, projector
 * worker, CLI jobs) before any process writes it: an older process cannot read it, and the
 * projector stops on it. There are no downcasters, so a held write is refused, not written older.
 *
 * The rule: a version above 1 is held until the log holds an event of that type at that version
 * (or newer). Once one is there every reader must read it anyway, so writing more costs nothing,
 * and a later upgrade that raises another type does not hold this one again. An amendment writes
 * the corrected type's data at its `amendedSchemaVersion`; amendments in the log do not count as
 * seen (finding their type would need the entry they correct), so they hold a little longer.
 */
import type { JourneyEvent } from './events';
import { currentSchemaVersion, JOURNEY_SCHEMAS, type JourneySchemas } from './event-schema';
import { amendableEntryType } from './handlers/corrections-targets';
import type { JourneyState } from './state';

/** A type's data at a version the store has not seen, which a held writer does not write. */
export interface HeldSchemaWrite {
  /** The type whose data it is: the event's own, or the corrected entry's for an amendment. */
  type: string;
  version: number;
  /** The highest version of the type the store was seen to hold (1 when none above it). */
  seen: number;
  /** The event that would write it (EntryAmended for an amendment). */
  eventType: string;
}

/** The types this build writes above version 1: the only ones a held writer may refuse. */
export function raisedTypes(schemas: JourneySchemas = JOURNEY_SCHEMAS): string[] {
  return Object.entries(schemas.current)
    .filter(([, version]) => (version ?? 1) > 1)
    .map(([type]) => type);
}

/**
 * The first write of `events` (decided on `state`) at a version above both 1 and the highest the
 * store was seen to hold for its type (`seen`, per type); undefined when every write is seen.
 */
export function heldSchemaWrite(
  events: readonly JourneyEvent[],
  state: JourneyState,
  seen: ReadonlyMap<string, number>,
  schemas: JourneySchemas = JOURNEY_SCHEMAS,
): HeldSchemaWrite | undefined {
  for (const event of events) {
    const write = dataWritten(event, state, schemas);
    if (write === undefined) continue;
    const seenVersion = seen.get(write.type) ?? 1;
    if (write.version > seenVersion) return { ...write, seen: seenVersion, eventType: event.type };
  }
  return undefined;
}

/** The type and version of data an event writes above version 1, if it writes any. */
function dataWritten(
  event: JourneyEvent,
  state: JourneyState,
  schemas: JourneySchemas,
): { type: string; version: number } | undefined {
  const own = currentSchemaVersion(event.type, schemas);
  if (own > 1) return { type: event.type, version: own };
  if (event.type !== 'EntryAmended') return undefined;
  const amended = event.data.amendedSchemaVersion;
  if (amended === undefined || amended <= 1) return undefined;
  // The decider wrote it from this entry; should it be gone, the amendment is held under its own name.
  const type = amendableEntryType(state, event.data.correctedEventId) ?? event.type;
  return { type, version: amended };
}

/**
 * CARE_JOURNEY_SCHEMA_WRITES, read by every writer (the API, the CLI's import-903 and seed;
 * apps/api/README.md, "Event schema upgrades"):
 * `current` (the default) writes every event at its type's current schema version; `held` refuses
 * a command that would write a version above 1 the log does not hold yet (503), so this build can
 * be deployed everywhere before anything writes what older processes cannot read.
 */
export const SCHEMA_WRITES_VARIABLE = 'CARE_JOURNEY_SCHEMA_WRITES';

export const SCHEMA_WRITES = ['current', 'held'] as const;
export type SchemaWrites = (typeof SCHEMA_WRITES)[number];

export const DEFAULT_SCHEMA_WRITES: SchemaWrites = 'current';

/** The setting's value, or the rule it breaks (the caller names the variable). */
export function parseSchemaWrites(raw: string | undefined): SchemaWrites | { rule: string } {
  if (raw === undefined) return DEFAULT_SCHEMA_WRITES;
  return (SCHEMA_WRITES as readonly string[]).includes(raw)
    ? (raw as SchemaWrites)
    : { rule: `must be one of ${SCHEMA_WRITES.join(', ')} (default ${DEFAULT_SCHEMA_WRITES}), got "${raw}"` };
}
