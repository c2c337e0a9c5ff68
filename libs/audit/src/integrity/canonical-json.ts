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
    return fast(value);
  } catch (error) {
    if (error !== UNFIT) throw error;
    // Only to say where: the slow writer below tracks the path and throws the precise message.
    return write(value, '$');
  }
}

/** Thrown by the fast writer for anything JSON cannot hold; the path-tracking writer reports it. */
const UNFIT = Symbol('unfit for canonical JSON');
const PLAIN = '[object Object]';
const toTag = Object.prototype.toString;

/**
 * The same output as `write`, without building a path string for every value (hashing every
 * appended event made that the cost): strings appended in place, keys sorted in their own array.
 */
function fast(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw UNFIT;
      return JSON.stringify(value);
    case 'bigint':
      // Decimal digits and a sign never need escaping.
      return `"${value.toString(10)}"`;
    case 'object':
      return Array.isArray(value) ? fastArray(value) : fastObject(value as object);
    default:
      throw UNFIT;
  }
}

function fastArray(items: readonly unknown[]): string {
  let out = '[';
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (item === undefined) throw UNFIT;
    out += index === 0 ? fast(item) : `,${fast(item)}`;
  }
  return `${out}]`;
}

function fastObject(value: object): string {
  if (toTag.call(value) !== PLAIN) throw UNFIT;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${fast(item)}`;
  }
  return `${out}}`;
}

/**
 * `canonicalJson(value)`, or undefined where that would throw (the caller then calls `canonicalJson`
 * for the precise error). For writers that lay out a known object's keys themselves.
 */
export function canonicalJsonOrUndefined(value: unknown): string | undefined {
  try {
    return fast(value);
  } catch (error) {
    if (error !== UNFIT) throw error;
    return undefined;
  }
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
