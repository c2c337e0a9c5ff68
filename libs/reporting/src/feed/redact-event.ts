/**
 * What a reporting job may see of an event: no direct identifiers of a child. Names and UPNs are
 * removed, a date of birth keeps its year and month (ages and age bands still work), postcodes keep
 * their outward code (the district: distance and out-of-area measures still work), and free text
 * is withheld (correction reasons, a going-home audit's findings and next action: they may name
 * people and describe the family). Applied at any depth, so corrections'
 * amendedData are covered too: an amendment's fields are redacted as in the entry they correct, and
 * a field no entry holds (stored before amendedData was checked against its entry) is dropped.
 */
import type { RecordedEvent } from '@care-journey/event-store';
import { ENTRY_FIELD_NAMES } from '@care-journey/journey';

const REMOVED = new Set(['name', 'upn']);
const POSTCODES = new Set(['homePostcode', 'postcode']);
// Only a going-home audit holds these; withheld wherever they stand (also in an amendment of one).
const AUDIT_FREE_TEXT = new Set(['outcome', 'nextAction']);
const WITHHELD = '[withheld]';
const FREE_TEXT_OF: Record<string, readonly string[]> = {
  EntryAmended: ['reason'],
  EntryRetracted: ['reason'],
};

/** "CB1 2AB" → "CB1"; a postcode already given as a district stays as it is. */
export const postcodeDistrict = (postcode: string): string => postcode.trim().split(/\s+/)[0].toUpperCase();

function redactValue(key: string, value: unknown): [string, unknown] | undefined {
  if (REMOVED.has(key)) return undefined;
  if (key === 'dateOfBirth' && typeof value === 'string') return [key, value.slice(0, 7)];
  if (POSTCODES.has(key) && typeof value === 'string') return [key, postcodeDistrict(value)];
  if (AUDIT_FREE_TEXT.has(key) && typeof value === 'string') return [key, WITHHELD];
  return [key, redactDeep(value)];
}

export function redactDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactDeep);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .map(([key, v]) => redactValue(key, v))
      .filter((entry): entry is [string, unknown] => entry !== undefined),
  );
}

/** Only the fields an entry may hold, so free text stored under any other name does not pass. */
function entryFieldsOnly(amendedData: unknown): unknown {
  if (amendedData === null || typeof amendedData !== 'object' || Array.isArray(amendedData)) return {};
  return Object.fromEntries(Object.entries(amendedData).filter(([field]) => ENTRY_FIELD_NAMES.has(field)));
}

export function redactEvent(event: RecordedEvent): RecordedEvent {
  const data = redactDeep(event.data) as Record<string, unknown>;
  if (event.type === 'EntryAmended' && 'amendedData' in data)
    data['amendedData'] = entryFieldsOnly(data['amendedData']);
  for (const field of FREE_TEXT_OF[event.type] ?? []) if (field in data) data[field] = WITHHELD;
  return { ...event, data };
}
