/**
 * Canonical JSON: the one byte string a value hashes and signs as, whoever serialises it.
 *
 * - Objects: keys sorted by UTF-16 code units (JavaScript's default sort); keys whose value is
 *   `undefined` are left out (as JSON.stringify does, so an absent key and an undefined one agree).
 * - Arrays: elements in order; an `undefined` element is an error (JSON would silently turn it into null).
 * - Strings: JSON.stringify's escaping. Numbers: finite only, in JSON.stringify's shortest form (-0 is 0).
 * - Bigints: decimal strings, quoted ("42"), the way revisions cross JSON everywhere else.
 * - true, false, null as themselves. No whitespace anywhere.
 * Anything else (functions, symbols, Dates, Maps, NaN, Infinity) is rejected with the path that held it:
 * a value that cannot round-trip through JSON must never be hashed.
 */
export function canonicalJson(value: unknown): string {
  try {
    return JSON.stringify(sortedCopy(value));
  } catch (error) {
    if (error !== NOT_COPYABLE) throw error;
    // Keys the copy cannot hold in order, or a value JSON cannot hold: the path-tracking writer
    // below writes the first and throws the precise message for the second.
    return write(value, '$');
  }
}

/** Thrown by `sortedCopy` for what it cannot copy; callers then go through `canonicalJson`. */
export const NOT_COPYABLE = Symbol('not copyable as canonical JSON');
const PLAIN = '[object Object]';
const toTag = Object.prototype.toString;

/**
 * A copy of `value` that `JSON.stringify` writes as its canonical JSON: object keys inserted in
 * sorted order, bigints as their decimal strings, undefined object values left out. One native
 * `JSON.stringify` of it is about twice as fast as writing the string key by key in JS, and gives
 * a flat string for the hash. Throws NOT_COPYABLE for anything canonicalJson rejects (NaN,
 * Infinity, undefined array elements, functions, symbols, non-plain objects) and for keys an
 * object cannot keep in sorted order: integer-like keys (objects list those first) and __proto__.
 */
export function sortedCopy(value: unknown): unknown {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw NOT_COPYABLE;
      return value;
    case 'bigint':
      return value.toString(10);
    case 'object':
      return Array.isArray(value) ? arrayCopy(value) : objectCopy(value as object);
    default:
      throw NOT_COPYABLE;
  }
}

function arrayCopy(items: readonly unknown[]): unknown[] {
  const copy = new Array<unknown>(items.length);
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (item === undefined) throw NOT_COPYABLE;
    copy[index] = sortedCopy(item);
  }
  return copy;
}

function objectCopy(value: object): Record<string, unknown> {
  if (toTag.call(value) !== PLAIN) throw NOT_COPYABLE;
  const record = value as Record<string, unknown>;
  const keys = sortKeys(Object.keys(record));
  const copy: Record<string, unknown> = {};
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (!keepsItsPlace(key)) throw NOT_COPYABLE;
    copy[key] = sortedCopy(item);
  }
  return copy;
}

/** A key that stays where it was added (not integer-like, which objects list first) and is not __proto__. */
function keepsItsPlace(key: string): boolean {
  const first = key.charCodeAt(0);
  return !(first >= 48 && first <= 57) && key !== '__proto__';
}

/** Sorted by UTF-16 code units, as `Array.prototype.sort` does; in place (an event's objects have a few keys). */
function sortKeys(keys: string[]): string[] {
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > key) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value))
        throw new TypeError(`canonicalJson: ${path} is ${value}, which JSON cannot hold`);
      return JSON.stringify(value);
    case 'bigint':
      return JSON.stringify(value.toString(10));
    case 'object':
      return Array.isArray(value) ? writeArray(value, path) : writeObject(value as object, path);
    default:
      throw new TypeError(`canonicalJson: ${path} is a ${typeof value}, which JSON cannot hold`);
  }
}

function writeArray(items: readonly unknown[], path: string): string {
  const parts = items.map((item, index) => {
    if (item === undefined) throw new TypeError(`canonicalJson: ${path}[${index}] is undefined`);
    return write(item, `${path}[${index}]`);
  });
  return `[${parts.join(',')}]`;
}

function writeObject(value: object, path: string): string {
  // Tag, not prototype: objects from another realm (a vm, structuredClone in tests) are still plain.
  const tag = Object.prototype.toString.call(value);
  if (tag !== '[object Object]')
    throw new TypeError(`canonicalJson: ${path} is a ${tag.slice(8, -1)}, not a plain object`);
  const record = value as Record<string, unknown>;
  const parts = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${write(record[key], `${path}.${key}`)}`);
  return `{${parts.join(',')}}`;
}
