import type { JourneyCommand, JourneyState } from '@care-journey/journey';
import { inTeamScope, type TeamScope } from '../../auth/child-scope/team-scope';

/**
 * Whether the sender may record `command` on `state`, the state it is decided on (so a fold that
 * moved the child to another team since the route's guard is judged as stored). A registration of a
 * new child is judged by its team (the guard's ownTeam); one naming a child already registered is
 * about that child, so out of scope it answers as an unknown child (not "already registered", which
 * would tell that the child exists). Any other command needs the child's current team in scope.
 */
export const mayRecord = (scope: TeamScope, command: JourneyCommand, state: JourneyState): boolean =>
  scope.all ||
  (command.type === 'RegisterChild' && !state.registered) ||
  inTeamScope(scope, state.allocation?.team);
