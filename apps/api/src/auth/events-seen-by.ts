import { postcodeDistrict } from '@care-journey/reporting';
import { personalDataViewOf } from './personal-data';
import type { Role } from './role';

/** A stored event (RecordedEvent) or its domain view (StoredJourneyEvent): redaction needs only these. */
interface JourneyEventLike {
  type: string;
  data: object;
}

/** What stands in for free text a role may not read (the same word /events uses for reporting jobs). */
export const WITHHELD = '[withheld]';

/** Direct identifiers no panel page needs. */
const REMOVED = new Set(['upn']);
const POSTCODES = new Set(['homePostcode', 'postcode']);
/** The going-home audit's findings and next step: free text about the family, at any depth (amendments too). */
const FAMILY_FREE_TEXT = new Set(['outcome', 'nextAction']);
/** A correction's reason is free text that may name people. */
const CORRECTIONS = new Set(['EntryAmended', 'EntryRetracted']);

function redactKey(key: string, value: unknown): [string, unknown] | undefined {
  if (REMOVED.has(key)) return undefined;
  if (POSTCODES.has(key) && typeof value === 'string') return [key, postcodeDistrict(value)];
  if (FAMILY_FREE_TEXT.has(key) && typeof value === 'string') return [key, WITHHELD];
  return [key, redactDeep(value)];
}

function redactDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactDeep);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .map(([key, v]) => redactKey(key, v))
      .filter((entry): entry is [string, unknown] => entry !== undefined),
  );
}

/**
 * A journey event as the panel may read it: name and date of birth kept, UPN removed, postcodes cut
 * to their district, going-home audit text and correction reasons withheld. Everything computed
 * from the events (replayed state, diffs, chronology, correction links) then shows no more.
 */
export function panelViewOfEvent<E extends JourneyEventLike>(event: E): E {
  const data = redactDeep(event.data) as Record<string, unknown>;
  if (CORRECTIONS.has(event.type) && typeof data.reason === 'string') data.reason = WITHHELD;
  return { ...event, data };
}

/**
 * A child's events as a role may read them before anything is replayed from them. Full readers get
 * them as stored; the panel gets `panelViewOfEvent`; so do reporting jobs, whose name and date of
 * birth the pages and views then leave out as well.
 */
export function eventsSeenBy<E extends JourneyEventLike>(role: Role, events: readonly E[]): E[] {
  return personalDataViewOf(role) === 'full' ? [...events] : events.map(panelViewOfEvent);
}
