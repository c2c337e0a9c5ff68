/**
 * `{ ...object, ...fields }`: the same own properties in the same order. In Node 20, V8 builds a
 * spread followed by properties the object does not have (`{ ...row, date }`) into a clone whose
 * map keeps no transitions, and each such property then costs microseconds (measured 3–12 µs for
 * two or three; Object.assign into a new object 0.5–0.9 µs; overwriting keys the object already
 * has stays cheap). The import made two per event and one per row read. Object.assign sets
 * `__proto__` rather than copying it as an own key: an object with one keeps the spread.
 */
export function withFields<T extends object, F extends object>(object: T, fields: F): T & F {
  if (Object.hasOwn(object, '__proto__') || Object.hasOwn(fields, '__proto__'))
    return { ...object, ...fields };
  return Object.assign({}, object, fields);
}
