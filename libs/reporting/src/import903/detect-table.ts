/**
 * Which 903 table a file holds, from its header row alone: the exact set of column names, in any
 * order, as the DfE validator recognises files. The file name is not trusted.
 */
import { TABLES, TABLE_NAMES, type TableName } from '../export903/tables';

export type Detected = { ok: true; table: TableName } | { ok: false; reason: string };

export function detectTable(header: readonly string[]): Detected {
  const columns = header.map((c) => c.trim());
  const repeated = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (repeated.length > 0)
    return { ok: false, reason: `repeated column(s) ${[...new Set(repeated)].join(', ')}` };
  const given = new Set(columns);
  for (const name of TABLE_NAMES) {
    const expected: readonly string[] = TABLES[name].columns;
    if (expected.length === given.size && expected.every((c) => given.has(c)))
      return { ok: true, table: name };
  }
  return { ok: false, reason: `header matches no 903 table; ${closestMismatch(given)}` };
}

/** The table sharing most columns with the header, and what differs from it. */
function closestMismatch(given: ReadonlySet<string>): string {
  let best: { name: TableName; shared: number } = { name: 'Header', shared: -1 };
  for (const name of TABLE_NAMES) {
    const shared = TABLES[name].columns.filter((c: string) => given.has(c)).length;
    if (shared > best.shared) best = { name, shared };
  }
  const expected: readonly string[] = TABLES[best.name].columns;
  const missing = expected.filter((c) => !given.has(c));
  const unexpected = [...given].filter((c) => !expected.includes(c));
  return [
    `closest is ${best.name}`,
    missing.length > 0 ? `missing ${missing.join(', ')}` : '',
    unexpected.length > 0 ? `unexpected ${unexpected.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}
