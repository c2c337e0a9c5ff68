import type { CalendarDate } from '@care-journey/journey';
import { allocationOn, type JourneySummary } from '@care-journey/projections';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { ChildScope } from '../auth/child-scope/child-scope';

/** The children behind a figure as one user may see them. */
export interface ChildrenInScope<T> {
  /** The rows whose child is in the user's scope, in the figure's order. */
  rows: readonly T[];
  /** Children behind the figure (each counted once) whose rows are left out: allocated to other teams. */
  childrenOutsideYourTeams: number;
}

/**
 * The measures are the authority's published figures: numerator and denominator count every child.
 * The children listed behind them go through the one scope policy (ChildScope.visible), each child
 * judged by its allocation today in the read models, as the drift report's rows are, so a social
 * worker is not handed the names of other teams' children. The count left out keeps the figure
 * adding up for the reader.
 */
export function childrenInScope<T extends { childId: string }>(
  scope: ChildScope,
  user: AuthenticatedUser,
  rows: readonly T[],
  summaryOf: (childId: string) => JourneySummary | undefined,
  today: CalendarDate,
): ChildrenInScope<T> {
  const shown = scope.visible(user, rows, (row) => {
    const summary = summaryOf(row.childId);
    return summary && allocationOn(summary, today)?.team;
  });
  if (shown.length === rows.length) return { rows: shown, childrenOutsideYourTeams: 0 };
  const listed = new Set(shown.map((row) => row.childId));
  const outside = new Set(rows.filter((row) => !listed.has(row.childId)).map((row) => row.childId));
  return { rows: shown, childrenOutsideYourTeams: outside.size };
}

/** Response header carrying the count on a CSV answer, whose body has no place for it. */
export const OUTSIDE_YOUR_TEAMS_HEADER = 'children-outside-your-teams';
