/**
 * CARE_JOURNEY_SCHEMA_WRITES (ops review s12 F14; apps/api/README.md, "Event schema upgrades"):
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
