/** An amendment that corrects nothing is not a correction: refused rather than stored as noise. */
import { violation } from '../errors';
import type { StoredJourneyEvent } from '../events';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Equal as JSON whatever the order of an object's keys (a placement sent whole, reordered). */
function canonical(value: unknown): string {
  if (!isPlainObject(value)) return JSON.stringify(value) ?? 'undefined';
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
}

/**
 * `entry` is the corrected entry as it stands (earlier amendments laid over it): at least one field
 * sent must differ from it. `childId` never counts (it may only repeat the child's own).
 */
export function changesSomething(
  entry: StoredJourneyEvent | undefined,
  amendedData: Record<string, unknown>,
): void {
  const current = (entry?.data ?? {}) as unknown as Record<string, unknown>;
  const changed = Object.keys(amendedData).some(
    (field) => field !== 'childId' && canonical(amendedData[field]) !== canonical(current[field]),
  );
  if (!changed)
    violation(
      'amendment-changes-nothing',
      'amendedData changes nothing: every field it gives already has that value on the entry. Give the fields that are wrong, with their corrected values.',
      'amendedData',
    );
}
