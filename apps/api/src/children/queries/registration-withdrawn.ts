import type { JourneyState } from '@care-journey/journey';
import type { PersonalDataView } from '../../auth/personal-data';
import type { ChildView } from './child-view';

/**
 * Why a child's view is empty when its registration was withdrawn as made in error: when and by
 * whom, and the reason for the roles that read correction reasons (full views; the panel and
 * reporting jobs do not, as on the child's page). Null for every other child.
 */
export function registrationWithdrawn(
  state: JourneyState,
  view: PersonalDataView,
): ChildView['registrationWithdrawn'] {
  // A registered child has nothing to look for; only a withdrawn one has an empty journey.
  if (state.child) return null;
  const retraction = state.history.find((event) => event.type === 'RegistrationRetracted');
  if (retraction?.type !== 'RegistrationRetracted') return null;
  return {
    at: retraction.recordedAt,
    by: retraction.recordedBy,
    ...(view === 'full' && { reason: retraction.data.reason }),
  };
}
