import { ENTRY_WORDS } from '@care-journey/journey';

/** Event types in the words a reviewing officer would use: the journey's own words for them. */
const LABELS: Readonly<Record<string, string>> = ENTRY_WORDS;

export const labelOf = (type: string): string => LABELS[type] ?? type;

/** A value as it reads in a sentence: strings bare, everything else as compact JSON. */
export const show = (value: unknown): string =>
  value === undefined
    ? '(none)'
    : typeof value === 'string'
      ? value
      : JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

/** Field names in words: "effectiveDate" → "effective date", "placement.placementType" → "placement type". */
export function fieldLabel(path: string): string {
  const last = path.split('.').pop() ?? path;
  const named = last === 'effectiveDate' ? 'date' : last;
  return named
    .replace(/\[(\d+)\]/g, ' $1')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}
