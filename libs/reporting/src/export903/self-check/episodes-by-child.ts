import { fromDmy } from '../format';
import type { Row } from '../tables';

/** Each child's Episodes rows in DECOM order, as the validator's episode rules walk them. */
export function episodesByChild(rows: readonly Row[]): Map<string, Row[]> {
  const byChild = new Map<string, Row[]>();
  for (const row of rows) {
    const list = byChild.get(row.CHILD);
    if (list) list.push(row);
    else byChild.set(row.CHILD, [row]);
  }
  for (const list of byChild.values())
    list.sort((a, b) => (fromDmy(a.DECOM) ?? '').localeCompare(fromDmy(b.DECOM) ?? ''));
  return byChild;
}

/** A temporary placement (T0–T4): a hospital stay, a holiday, a short absence. */
export const isTemporaryPlace = (place: string | undefined): boolean => /^T[0-4]$/.test(place ?? '');
