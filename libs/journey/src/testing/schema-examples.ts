/**
 * A version-1 example of the data of each type raised past version 1 in JOURNEY_SCHEMAS: the
 * completeness spec (journey-schemas.spec.ts) runs every upcaster of the type on it, in order.
 * Add one when raising a type (docs/CONTRIBUTING.md, "Changing an event's data").
 */
export const VERSION_1_EXAMPLES: Partial<Record<string, Record<string, unknown>>> = {};
