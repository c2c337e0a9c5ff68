/**
 * A value as a JSON store gives it back (the SQLite adapter keeps data and metadata as
 * JSON.stringify text): the value itself when JSON would give back an equal one — strings,
 * booleans, null, finite numbers other than -0, plain arrays and plain objects of those — else a
 * JSON round trip (which drops undefined fields, turns a Date into a string, and so on). Walking
 * the value costs a fraction of the round trip, and decided events are almost always plain.
 * The value must be the caller's own: it is returned as it is, not copied.
 */
export function asStoredJson<T>(value: T): T {
  return keepsThroughJson(value, 0) ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Deeper than any event's data or metadata; past it the round trip decides. */
const MAX_DEPTH = 32;

function keepsThroughJson(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object':
      break;
    default:
      return false; // undefined, a function, a symbol, a bigint
  }
  if (value === null) return true;
  if (depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype || Object.keys(value).length !== value.length)
      return false; // a hole or an extra key
    for (const item of value as unknown[]) if (!keepsThroughJson(item, depth + 1)) return false;
    return true;
  }
  // A Date, a Map, a class instance or a toJSON method would change through JSON; so would a
  // __proto__ key (JSON.parse makes it an own property) or a symbol key (dropped).
  if (Object.getPrototypeOf(value) !== Object.prototype || Object.getOwnPropertySymbols(value).length > 0)
    return false;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (key === '__proto__' || key === 'toJSON' || !keepsThroughJson(record[key], depth + 1)) return false;
  }
  return true;
}
