import { PANEL_REDACTION, redactDeepFor, withholdFreeText } from '@care-journey/reporting';
import { personalDataViewOf } from './personal-data';
import type { Role } from './role';

export { WITHHELD } from '@care-journey/reporting';

/** A stored event (RecordedEvent) or its domain view (StoredJourneyEvent): redaction needs only these. */
interface JourneyEventLike {
  type: string;
  data: object;
}

/**
 * A journey event as the panel may read it: name and date of birth kept, UPN removed, postcodes cut
 * to their district, going-home audit text and correction reasons withheld. Everything computed
 * from the events (replayed state, diffs, chronology, correction links) then shows no more.
 */
export function panelViewOfEvent<E extends JourneyEventLike>(event: E): E {
  // The same redaction as a reporting job's /events (libs/reporting), with the panel's policy.
  const data = redactDeepFor(event.data, PANEL_REDACTION) as Record<string, unknown>;
  withholdFreeText(event.type, data);
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
