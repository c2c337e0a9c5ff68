import type { Role } from '@care-journey/access';
import type { CalendarDate, StoredJourneyEvent } from '@care-journey/journey';
import { DEFAULT_DRIFT_CONFIG, ENGLAND_CALENDAR } from '@care-journey/projections';
import type { AuthenticatedUser } from '../../../auth/authenticated-user';
import { eventsSeenBy } from '../../../auth/events-seen-by';
import { mayReadPersonalData } from '../../../auth/personal-data';
import { childJourney, parseReplayForm } from '../child-journey';
import { childPage } from '../child.page';
import { journeyWithoutPersonalData } from '../journey-without-personal-data';

export interface ChildPageRequest {
  childId: string;
  /** The child's stored events; the role's view of them is taken here, as the controller does. */
  events: readonly StoredJourneyEvent[];
  role: Role;
  today: CalendarDate;
  /** The page's query: asAt, knownAt… */
  query?: Record<string, string>;
}

/**
 * The child's page as ChildController builds it for a role: the events the role may read, replayed
 * at the query's point, names left out for a role without personal data. No record forms (a spec
 * about forms uses the controller or an e2e).
 */
export function childPageFor({ childId, events, role, today, query = {} }: ChildPageRequest): string {
  const form = parseReplayForm(query);
  const replayed = childJourney(childId, eventsSeenBy(role, events), form.point, today, DEFAULT_DRIFT_CONFIG);
  const showNames = mayReadPersonalData(role);
  const journey = showNames ? replayed : journeyWithoutPersonalData(replayed);
  const user = { id: 'u', name: 'U', role } as AuthenticatedUser;
  return childPage({
    user,
    csrfToken: 't',
    journey,
    form,
    showNames,
    today,
    recordForms: [],
    calendar: ENGLAND_CALENDAR,
  }).toString();
}
