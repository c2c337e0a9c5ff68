/** Whether two facts say the same: what the feed's diff and the view's kept lists compare. */
import type { ChangeData, ChildFact } from './change-record';

/** A value whose JSON is itself compared by ===: a string, boolean, null or finite number. */
const isPlain = (value: unknown): boolean =>
  value === null ||
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value));

/**
 * Same JSON: key by key without building the strings when every value is plain (facts' data is
 * flat), through JSON.stringify otherwise.
 */
export function sameJson(a: ChangeData, b: ChangeData): boolean {
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  let plain = keysA.length === keysB.length;
  for (let i = 0; plain && i < keysA.length; i++) {
    const x = a[keysA[i]];
    const y = b[keysB[i]];
    if (!isPlain(x) || !isPlain(y)) plain = false;
    else if (keysA[i] !== keysB[i] || x !== y) return false;
  }
  return plain || JSON.stringify(a) === JSON.stringify(b);
}
/** The two facts' data have the same JSON (the same object, or key by key). */
export const sameData = (a: ChildFact, b: ChildFact): boolean =>
  a.data === b.data || sameJson(a.data, b.data);

/**
 * `before` when `made` holds the same facts in the same order (kind, key and data's JSON), else
 * `made`: a list made again from an unchanged part of the summary is handed out as the same
 * array of the same objects, so the view and the diff see it unchanged at a glance.
 */
export function sameFactsOr(before: ChildFact[], made: ChildFact[]): ChildFact[] {
  if (before.length !== made.length) return made;
  for (let i = 0; i < made.length; i++) {
    const a = before[i];
    const b = made[i];
    if (a !== b && (a.kind !== b.kind || a.key !== b.key || !sameData(a, b))) return made;
  }
  return before;
}
