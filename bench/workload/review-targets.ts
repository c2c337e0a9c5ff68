import { ageOn, periodOn, summaryFromStream } from '@care-journey/projections';
import { AS_AT } from '../figures/drift-report';
import { toStored } from '../support/stored';
import { cohortChildren } from './cohort';
import type { cloneChild } from './clone-child';
import type { Template } from './templates';

export type CohortChild = ReturnType<typeof cloneChild>;

/**
 * Cohort children in the order generated, and which of them can take a statutory review after
 * AS_AT: looked after on AS_AT and aged 4–15 (so PN1 is valid for the year and more after).
 */
export function reviewTargets(
  templates: readonly Template[],
  count: number,
): { children: CohortChild[]; targets: CohortChild[] } {
  const children: CohortChild[] = [];
  const targets: CohortChild[] = [];
  for (const child of cohortChildren(templates, Number.MAX_SAFE_INTEGER)) {
    const summary = summaryFromStream(child.childId, child.events.map(toStored));
    const age = ageOn(summary, AS_AT);
    children.push(child);
    if (periodOn(summary, AS_AT) && age !== undefined && age >= 4 && age <= 15) targets.push(child);
    if (targets.length === count) break;
  }
  return { children, targets };
}

/** The next free review date of each child: the day after the last one used (from AS_AT + 1). */
export class ReviewDates {
  private readonly next = new Map<string, number>();
  take(childId: string): string {
    const n = (this.next.get(childId) ?? 0) + 1;
    this.next.set(childId, n);
    return new Date(Date.parse(`${AS_AT}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  }
}
