import type { Scorecard, ScorecardChild } from '@care-journey/projections';
import type { ChildrenInScope } from './children-in-scope';

type Indicator<K extends 'A1' | 'A2' | 'A3' | 'A10'> = Scorecard[K] & { childrenOutsideYourTeams: number };

/** The scorecard as one user reads it: every figure the authority's, the children named only in their scope. */
export interface ScopedScorecard extends Omit<Scorecard, 'A1' | 'A2' | 'A3' | 'A10'> {
  A1: Indicator<'A1'>;
  A2: Indicator<'A2'>;
  A3: Indicator<'A3'>;
  A10: Indicator<'A10'>;
  childrenOutsideYourTeams: number;
}

/**
 * The scorecard's children rows and each indicator's `childIds` cut to the children the user may
 * see (`inScope`: the scope policy, children-in-scope.ts); numerators, denominators and thresholds
 * untouched. Each indicator says how many of its children are left out, so its figure adds up.
 */
export function scopedScorecard(
  card: Scorecard,
  inScope: (rows: readonly ScorecardChild[]) => ChildrenInScope<ScorecardChild>,
): ScopedScorecard {
  const { rows, childrenOutsideYourTeams } = inScope(card.children);
  const listed = new Set(rows.map((row) => row.childId));
  const cut = <I extends { childIds: string[] }>(indicator: I) => {
    const childIds = indicator.childIds.filter((id) => listed.has(id));
    return { ...indicator, childIds, childrenOutsideYourTeams: indicator.childIds.length - childIds.length };
  };
  return {
    ...card,
    A1: cut(card.A1),
    A2: cut(card.A2),
    A3: cut(card.A3),
    A10: cut(card.A10),
    children: [...rows],
    childrenOutsideYourTeams,
  };
}
