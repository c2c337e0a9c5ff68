/** One value that differs between two JSON-like trees, by path (`a.b[2].c`). */
export interface LeafChange {
  path: string;
  from?: unknown;
  to?: unknown;
}

const isBranch = (value: unknown): value is Record<string, unknown> | unknown[] =>
  value !== null && typeof value === 'object';

/** Leaf-level differences; a value present on one side only appears with from or to undefined. */
export function leafChanges(from: unknown, to: unknown, path = ''): LeafChange[] {
  if (isBranch(from) && isBranch(to) && Array.isArray(from) === Array.isArray(to)) {
    const keys = Array.isArray(from)
      ? Array.from({ length: Math.max(from.length, (to as unknown[]).length) }, (_, i) => i)
      : [...new Set([...Object.keys(from), ...Object.keys(to)])].sort();
    return keys.flatMap((key) => {
      const childPath = typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
      return leafChanges(
        (from as Record<string | number, unknown>)[key],
        (to as Record<string | number, unknown>)[key],
        childPath,
      );
    });
  }
  if (from === to) return [];
  return [{ path, ...(from !== undefined && { from }), ...(to !== undefined && { to }) }];
}
