import {
  PANEL_REDACTION,
  redactDeepFor,
  REPORTING_VIEW_REDACTION,
  withholdFreeText,
  type Redaction,
} from '@care-journey/reporting';
import { withoutCorrectedIdentity } from './corrected-identity';
import { personalDataViewOf } from './personal-data';
import type { Role } from '@care-journey/access';

export { WITHHELD } from '@care-journey/reporting';

/** A stored event (RecordedEvent) or its domain view (StoredJourneyEvent): redaction needs only these. */
interface JourneyEventLike {
  id: string;
  type: string;
  data: object;
}

function redactedEvent<E extends JourneyEventLike>(event: E, redaction: Redaction): E {
  // The same redaction as a reporting job's /events (libs/reporting), with the role's policy.
  const data = redactDeepFor(event.data, redaction) as Record<string, unknown>;
  withholdFreeText(event.type, data);
  return { ...event, data };
}

/**
 * A journey event as the panel may read it: name and date of birth kept, UPN and the placement's
 * Ofsted URN removed, postcodes cut to their district, going-home audit text and correction reasons
 * withheld. Everything computed from the events (replayed state, diffs, chronology, correction
 * links) then shows no more.
 */
export function panelViewOfEvent<E extends JourneyEventLike>(event: E): E {
  return redactedEvent(event, PANEL_REDACTION);
}

/**
 * A child's events as a role may read them before anything is replayed from them. Full readers get
 * them as stored; the panel gets `panelViewOfEvent`; reporting jobs the same but with the URN (their
 * 903 return names it), and the pages and views then leave out their name and date of birth as well.
 * Neither the panel nor reporting jobs get an identity value a correction replaced
 * (`withoutCorrectedIdentity`: `[corrected]`).
 */
export function eventsSeenBy<E extends JourneyEventLike>(role: Role, events: readonly E[]): E[] {
  const view = personalDataViewOf(role);
  if (view === 'full') return [...events];
  const redaction = view === 'panel' ? PANEL_REDACTION : REPORTING_VIEW_REDACTION;
  // Redacted first, so a postcode is compared (and withheld) as the district the role reads.
  return withoutCorrectedIdentity(events.map((event) => redactedEvent(event, redaction)));
}
