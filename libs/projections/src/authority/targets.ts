/** Each configured target against a row's figure: met, missed, or null when there is no figure. */
import type { MeasureTarget } from './authority-config';

export interface TargetResult {
  id: string;
  label: string;
  measure: string;
  kind: MeasureTarget['kind'];
  target: number;
  value: number | null;
  met: boolean | null;
}

/** Reads "a.b.c" from a row; anything but a number reads as null. */
export function figureAt(row: object, path: string): number | null {
  let value: unknown = row;
  for (const key of path.split('.'))
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === 'number' ? value : null;
}

export function evaluateTargets(row: object, targets: readonly MeasureTarget[]): TargetResult[] {
  return targets.map((t) => {
    const value = figureAt(row, t.measure);
    const met = value === null ? null : t.kind === 'ceiling' ? value <= t.value : value >= t.value;
    return { id: t.id, label: t.label, measure: t.measure, kind: t.kind, target: t.value, value, met };
  });
}
