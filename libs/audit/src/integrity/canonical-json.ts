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
  return write(value, '$');
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
