/**
 * Bigint revisions and positions do not survive JSON.stringify (it throws). They cross JSON as
 * decimal strings, never as numbers, so values above 2^53 keep every digit.
 */
import type { AppendResult, RecordedEvent } from './event-store.port';

/** The JSON image of T: every bigint becomes a decimal string, recursively. */
export type JsonSafe<T> = T extends bigint
  ? string
  : T extends readonly (infer U)[]
    ? JsonSafe<U>[]
    : T extends object
      ? { [K in keyof T]: JsonSafe<T[K]> }
      : T;

const DECIMAL = /^-?(0|[1-9][0-9]*)$/;

/** Fields of the port's types that hold bigints; `fromJsonSafe` converts these by default. */
export const BIGINT_FIELDS = [
  'revision',
  'globalPosition',
  'nextExpectedRevision',
  'position',
  'fromPosition',
  'fromRevision',
] as const;

export function bigintToJson(value: bigint): string {
  return value.toString(10);
}

/** Parses a decimal string back to a bigint; `field` names the value in the error message. */
export function bigintFromJson(value: unknown, field: string): bigint {
  if (typeof value !== 'string' || !DECIMAL.test(value)) {
    throw new TypeError(
      `${field} must be a decimal integer string (e.g. "42"), got ${JSON.stringify(value) ?? String(value)}`,
    );
  }
  return BigInt(value);
}

/** Deep copy of `value` with every bigint turned into a decimal string. */
export function toJsonSafe<T>(value: T): JsonSafe<T> {
  return convert(value) as JsonSafe<T>;
}

function convert(value: unknown): unknown {
  if (typeof value === 'bigint') return bigintToJson(value);
  if (Array.isArray(value)) return value.map(convert);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = convert(item);
    return out;
  }
  return value;
}

/**
 * Inverse of `toJsonSafe` for the named top-level fields (absent fields are left absent).
 * Only top-level fields: event data may legitimately hold strings under the same names.
 */
export function fromJsonSafe<T extends object>(
  value: JsonSafe<T>,
  fields: readonly string[] = BIGINT_FIELDS,
): T {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new TypeError(`expected a JSON object, got ${JSON.stringify(value)}`);
  }
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const field of fields) {
    if (out[field] !== undefined) out[field] = bigintFromJson(out[field], field);
  }
  return out as T;
}

/** JSON.stringify replacer: lets a whole envelope be stringified in one call. */
export function bigintReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? bigintToJson(value) : value;
}

export function recordedEventToJson(event: RecordedEvent): JsonSafe<RecordedEvent> {
  return toJsonSafe(event);
}

export function recordedEventFromJson(json: JsonSafe<RecordedEvent>): RecordedEvent {
  return fromJsonSafe<RecordedEvent>(json, ['revision', 'globalPosition']);
}

export function appendResultFromJson(json: JsonSafe<AppendResult>): AppendResult {
  return fromJsonSafe<AppendResult>(json, ['nextExpectedRevision', 'globalPosition']);
}
