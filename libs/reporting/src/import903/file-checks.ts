/**
 * Checks within one file: a child's rows must not repeat (same key twice) and must come in date
 * order, as the 903 lays them out. Either breaks the child's import, because which row is right
 * (or what order the authority meant) cannot be known from the file.
 */
import type { TableName } from '../export903/tables';
import { issueAt, where, type ImportIssue } from './issues';
import type { AnyFact } from './read-facts';

/** The key a row is unique by within its child, and the date its rows are ordered by. */
export function keyOf(item: AnyFact): { key: string; label: string; order?: string } {
  switch (item.table) {
    case 'Episodes':
      return { key: item.fact.decom, label: 'DECOM', order: item.fact.decom };
    case 'Reviews':
      return { key: item.fact.date, label: 'REVIEW', order: item.fact.date };
    case 'Missing':
      return { key: item.fact.start, label: 'MIS_START', order: item.fact.start };
    case 'PlacedAdoption':
      return { key: item.fact.date, label: 'DATE_PLACED', order: item.fact.date };
    default:
      return { key: '', label: 'CHILD' };
  }
}

const sameRow = (a: AnyFact, b: AnyFact): boolean => {
  const strip = ({ src: _s, ...rest }: AnyFact['fact']) => JSON.stringify(rest);
  return strip(a.fact) === strip(b.fact);
};

/** Facts of one file, in line order; returns the issues found. */
export function checkFile(table: TableName, facts: readonly AnyFact[]): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const seen = new Map<string, AnyFact>();
  const lastOrder = new Map<string, AnyFact>();
  for (const item of facts) {
    const { child, src } = item.fact;
    const { key, label, order } = keyOf(item);
    const id = `${child}\u0000${key}`;
    const first = seen.get(id);
    if (first) {
      const why = sameRow(first, item)
        ? `duplicate row: the same as ${where(first.fact.src)}`
        : `a second ${table} row for this child${key ? ` and ${label} ${key}` : ''} (first at ${where(first.fact.src)})`;
      issues.push(issueAt(src, child, label, why));
      continue;
    }
    seen.set(id, item);
    if (order === undefined) continue;
    const previous = lastOrder.get(child);
    if (previous && (keyOf(previous).order ?? '') > order) {
      issues.push(
        issueAt(
          src,
          child,
          label,
          `out of order: ${order} comes after ${keyOf(previous).order} (${where(previous.fact.src)}); a child's rows must be in date order`,
        ),
      );
    }
    lastOrder.set(child, item);
  }
  return issues;
}
