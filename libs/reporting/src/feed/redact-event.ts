/**
 * What a reporting job may see of an event: no direct identifiers of a child and no health or
 * offending data; still pseudonymised personal data (ids, references, codes, dates). Names, UPNs and
 * the 903 OC2 health and offending items are removed, a date of birth keeps its year and month (ages
 * and age bands still work), postcodes keep their outward code (the district: distance and
 * out-of-area measures still work), and free text is withheld (correction reasons, a going-home
 * audit's findings and next action, a statutory visit's note: they may name people and describe the
 * family). Applied at any depth, so corrections' amendedData are covered too: an amendment's fields
 * are redacted as in the entry they correct, and a field no entry holds (stored before amendedData
 * was checked against its entry) is dropped. A keyed command's idempotency metadata (its request
 * hash) is left out too.
 */
import type { RecordedEvent } from '@care-journey/event-store';
import { ENTRY_FIELD_NAMES, ENTRY_FIELDS } from '@care-journey/journey';

/** What a role without full access may not read: removed keys, and the date of birth kept or cut. */
export interface Redaction {
  removed: ReadonlySet<string>;
  dateOfBirthAsMonth: boolean;
}

/**
 * The annual health outcomes' items (903 OC2): health checks and the SDQ score are health data
 * (UK GDPR Art 9), a conviction or final warning criminal-offence data (Art 10), substance misuse
 * both. A reporting job files them only in the 903 return, which it takes whole from /exports/903
 * (recorded in the read-access trail), so its feed and views leave them out: the entry's type and
 * date still say outcomes were recorded (review s15 F2, docs/data-protection.md).
 */
export const HEALTH_AND_OFFENDING_FIELDS: readonly string[] =
  ENTRY_FIELDS.AnnualHealthOutcomesRecorded.filter(
    // Every field of the entry but the child and the date (ENTRY_FIELDS' DATED).
    (field) => field !== 'childId' && field !== 'effectiveDate',
  );

/**
 * Reporting jobs: no direct identifiers (no name, no UPN; date of birth as YYYY-MM) and no health or
 * offending items. Still personal data (pseudonymised: child ids and references are join keys).
 */
export const REPORTING_JOB_REDACTION: Redaction = {
  removed: new Set(['name', 'upn', ...HEALTH_AND_OFFENDING_FIELDS]),
  dateOfBirthAsMonth: true,
};
/**
 * The permanency panel: name and date of birth kept (it discusses the child), no UPN, and no Ofsted
 * URN of the placement: a children's home's URN names the home, so its address, which the
 * postcode cut to its district is meant to keep from the panel.
 */
export const PANEL_REDACTION: Redaction = { removed: new Set(['upn', 'urn']), dateOfBirthAsMonth: false };
/**
 * What a reporting job's replayed views (history, pages) are made from: as the panel's, but the URN
 * kept, as in its /events and GET /children/:id: the 903 return it files names the URN (and it
 * takes the return whole from /exports/903). Its views then leave out names and dates of birth.
 * No health or offending items, as on its /events.
 */
export const REPORTING_VIEW_REDACTION: Redaction = {
  removed: new Set(['upn', ...HEALTH_AND_OFFENDING_FIELDS]),
  dateOfBirthAsMonth: false,
};

const POSTCODES = new Set(['homePostcode', 'postcode']);
// Only a going-home audit (findings, next action) and a statutory visit (its note) hold these;
// withheld wherever they stand (also in an amendment of one).
const AUDIT_FREE_TEXT = new Set(['outcome', 'nextAction', 'visitNote']);
export const WITHHELD = '[withheld]';
const FREE_TEXT_OF: Record<string, readonly string[]> = {
  EntryAmended: ['reason'],
  EntryRetracted: ['reason'],
  // A registration withdrawn in error is a withdrawal too: its reason often names the other child.
  RegistrationRetracted: ['reason'],
};

/** "CB1 2AB" → "CB1"; a postcode already given as a district stays as it is. */
export const postcodeDistrict = (postcode: string): string => postcode.trim().split(/\s+/)[0].toUpperCase();

function redactValue(key: string, value: unknown, redaction: Redaction): [string, unknown] | undefined {
  if (redaction.removed.has(key)) return undefined;
  if (key === 'dateOfBirth' && typeof value === 'string' && redaction.dateOfBirthAsMonth)
    return [key, value.slice(0, 7)];
  if (POSTCODES.has(key) && typeof value === 'string') return [key, postcodeDistrict(value)];
  if (AUDIT_FREE_TEXT.has(key) && typeof value === 'string') return [key, WITHHELD];
  return [key, redactDeepFor(value, redaction)];
}

/** `value` with `redaction` applied at any depth, postcodes cut to their district, audit text withheld. */
export function redactDeepFor(value: unknown, redaction: Redaction): unknown {
  if (Array.isArray(value)) return value.map((item) => redactDeepFor(item, redaction));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .map(([key, v]) => redactValue(key, v, redaction))
      .filter((entry): entry is [string, unknown] => entry !== undefined),
  );
}

/** What a reporting job may see of any value (the projection change feed's rows too). */
export const redactDeep = (value: unknown): unknown => redactDeepFor(value, REPORTING_JOB_REDACTION);

/** A correction's reason (free text that may name people), withheld in the event's redacted data. */
export function withholdFreeText(type: string, data: Record<string, unknown>): void {
  for (const field of FREE_TEXT_OF[type] ?? []) if (field in data) data[field] = WITHHELD;
}

/** Only the fields an entry may hold, so free text stored under any other name does not pass. */
function entryFieldsOnly(amendedData: unknown): unknown {
  if (amendedData === null || typeof amendedData !== 'object' || Array.isArray(amendedData)) return {};
  return Object.fromEntries(Object.entries(amendedData).filter(([field]) => ENTRY_FIELD_NAMES.has(field)));
}

/**
 * Metadata a redacted reader may see: all but a keyed command's `idempotency` (the client's key and
 * the request hash). The hash is a digest of the whole request body, names and free text included,
 * so a reader who holds the rest of the record could confirm a guessed name against it offline; and
 * only the API needs it, to recognise a retry. Stored events (and their hash chain) are unchanged.
 */
export function metadataWithoutIdempotency(metadata: RecordedEvent['metadata']): RecordedEvent['metadata'] {
  if (!('idempotency' in metadata)) return metadata;
  const { idempotency: _withheld, ...rest } = metadata;
  return rest as RecordedEvent['metadata'];
}

export function redactEvent(event: RecordedEvent): RecordedEvent {
  const data = redactDeep(event.data) as Record<string, unknown>;
  if (event.type === 'EntryAmended' && 'amendedData' in data)
    data['amendedData'] = entryFieldsOnly(data['amendedData']);
  withholdFreeText(event.type, data);
  return { ...event, data, metadata: metadataWithoutIdempotency(event.metadata) };
}
