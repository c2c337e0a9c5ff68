import { ageOn, periodOn, summaryFromStream } from '@care-journey/projections';
import { AS_AT } from '../figures/drift-report';
import { toStored } from '../support/stored';
import { cohortChildren } from './cohort';
import type { cloneChild } from './clone-child';
import type { Template } from './templates';

export type CohortChild = ReturnType<typeof cloneChild>;

/** What a command loop needs of a child: its id and stream (not its events). */
export type ReviewTarget = Pick<CohortChild, 'childId' | 'stream'>;

/**
 * Whether a child can take a statutory review after AS_AT: looked after on AS_AT and aged 4–15
 * (so PN1 is valid for the year and more after).
 */
export function canTakeReview(child: CohortChild): boolean {
  const summary = summaryFromStream(child.childId, child.events.map(toStored));
  const age = ageOn(summary, AS_AT);
  return periodOn(summary, AS_AT) !== undefined && age !== undefined && age >= 4 && age <= 15;
}

/**
 * Cohort children in the order generated, one at a time, each with whether it is a review target,
 * until `count` targets have been seen and at least `events` events yielded. A caller that writes
 * each child and keeps only the targets' ids holds no cohort events: the peer figure's rounds run in
 * the same process, and ~550 MB of children kept alive made V8's major GCs land in them (finding 32).
 */
export function* childrenToReviewTargets(
  templates: readonly Template[],
  count: number,
  events = 0,
): Generator<{ child: CohortChild; target: boolean }> {
  let targets = 0;
  let written = 0;
  let seen = 0;
  for (const child of cohortChildren(templates, Number.MAX_SAFE_INTEGER)) {
    if (targets >= count && written >= events) return;
    // Copies have their template's dates: if no template is a target, no copy ever will be.
    if (seen++ === templates.length && targets === 0 && count > 0)
      throw new RangeError(
        `review targets: none of the ${templates.length} templates is looked after and aged 4–15 on ${AS_AT}`,
      );
    const target = targets < count && canTakeReview(child);
    if (target) targets++;
    written += child.events.length;
    yield { child, target };
  }
}

/** Cohort children in the order generated up to the `count`th review target, and those targets. */
export function reviewTargets(
  templates: readonly Template[],
  count: number,
): { children: CohortChild[]; targets: CohortChild[] } {
  const children: CohortChild[] = [];
  const targets: CohortChild[] = [];
  for (const { child, target } of childrenToReviewTargets(templates, count)) {
    children.push(child);
    if (target) targets.push(child);
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
