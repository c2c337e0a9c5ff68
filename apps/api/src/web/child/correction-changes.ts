/**
 * What a correction changed, from what to what, in the panel's words: an auditor reading "Corrected
 * … Date of review typed wrongly" needs the date it was before as much as the one it is now, without
 * replaying the record at guessed instants.
 */
import { isValidCalendarDate } from '@care-journey/journey';
import type { LeafChange } from '@care-journey/audit';
import { formatDate } from '../html/format';

/** Field paths in words where the path alone is not plain (others are shown as they are). */
const FIELD_WORDS: Record<string, string> = {
  effectiveDate: 'date',
  dateOfBirth: 'date of birth',
  legalStatus: 'legal status',
  'placement.placementType': 'placement type',
  'placement.provider': 'provider',
  categoryOfNeed: 'category of need',
  socialWorker: 'social worker',
};

/** A value as the page shows it: dates in words, nothing as "not recorded". */
function valueWords(value: unknown): string {
  if (value === undefined || value === null || value === '') return 'not recorded';
  if (typeof value === 'string') return isValidCalendarDate(value) ? formatDate(value) : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** "date 20 October 2026 → 22 October 2026". */
export function changeWords(change: LeafChange): string {
  const field = FIELD_WORDS[change.path] ?? change.path;
  return `${field} ${valueWords(change.from)} → ${valueWords(change.to)}`;
}

/** The changes of one correction, "; " between them. */
export const changesWords = (changes: readonly LeafChange[]): string => changes.map(changeWords).join('; ');

/** Fields whose values a role without personal data may see in a correction (the rest: withheld). */
const SHOWN_WITHOUT_PERSONAL_DATA = new Set(['effectiveDate']);

/** A correction's changes for a role without personal data: only the dates' values stay. */
export function changesWithoutPersonalData(changes: readonly LeafChange[], withheld: string): LeafChange[] {
  return changes.map((change) =>
    SHOWN_WITHOUT_PERSONAL_DATA.has(change.path)
      ? change
      : { path: change.path, from: withheld, to: withheld },
  );
}
