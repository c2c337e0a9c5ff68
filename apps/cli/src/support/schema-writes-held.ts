/**
 * The command line's writers (`import-903`, `seed`) under CARE_JOURNEY_SCHEMA_WRITES=held (ops
 * review s12 F14; apps/api/README.md, "Event schema upgrades"). They write whole histories of
 * every type, so rather than judge each event as the API does, a held writer does not run at all
 * while this build raises any type past version 1: phase 1 of the upgrade writes no new version.
 */
import {
  currentSchemaVersion,
  JOURNEY_SCHEMAS,
  parseSchemaWrites,
  raisedTypes,
  SCHEMA_WRITES_VARIABLE,
  type JourneySchemas,
} from '@care-journey/journey';

type Env = Record<string, string | undefined>;

/** Why `command` must not write now (a line for stderr), or undefined when it may. */
export function heldCliWrites(
  command: string,
  env: Env = process.env,
  schemas: JourneySchemas = JOURNEY_SCHEMAS,
): string | undefined {
  const setting = parseSchemaWrites(env[SCHEMA_WRITES_VARIABLE]?.trim() || undefined);
  if (typeof setting === 'object')
    return `${command}: ${SCHEMA_WRITES_VARIABLE}: ${setting.rule}; nothing written`;
  if (setting === 'current') return undefined;
  const raised = raisedTypes(schemas).map((type) => `${type} v${currentSchemaVersion(type, schemas)}`);
  if (raised.length === 0) return undefined;
  return (
    `${command}: ${raised.join(', ')} ${raised.length > 1 ? 'are' : 'is'} written once every process reads it: ` +
    `set ${SCHEMA_WRITES_VARIABLE}=current after upgrading every API, projector and CLI; nothing written`
  );
}
