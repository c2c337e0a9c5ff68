import { cohortChildren } from './cohort';
import { canTakeReview, childrenToReviewTargets, reviewTargets } from './review-targets';
import { makeTemplates } from './templates';

describe('childrenToReviewTargets', () => {
  // 100 generated children: a few of them (and so their copies) are review targets.
  const templates = makeTemplates(100, () => undefined);
  const streams = (children: Iterable<{ stream: string }>) => [...children].map((c) => c.stream);

  it('given a count and no event floor, when read to the end, then it stops at the count-th target', () => {
    const yielded = [...childrenToReviewTargets(templates, 3)];
    const targets = yielded.filter((y) => y.target);
    expect(targets).toHaveLength(3);
    expect(yielded[yielded.length - 1].target).toBe(true);
    // The cohort's own first children, in order (cut by events at the last one's end).
    const cohort: string[] = [];
    for (const child of cohortChildren(templates, Number.MAX_SAFE_INTEGER)) {
      if (cohort.length === yielded.length) break;
      cohort.push(child.stream);
    }
    expect(streams(yielded.map((y) => y.child))).toEqual(cohort);
  });

  it('given an event floor past the targets, then it goes on to the child that crosses the floor, marking no more targets', () => {
    const floor = 2_000;
    const yielded = [...childrenToReviewTargets(templates, 2, floor)];
    // The same children as the cohort cut at `floor` events (the peer's set before finding 32).
    expect(streams(yielded.map((y) => y.child))).toEqual(streams(cohortChildren(templates, floor)));
    expect(yielded.filter((y) => y.target)).toHaveLength(2);
  });

  it('marks exactly the children that can take a review, and agrees with reviewTargets', () => {
    const yielded = [...childrenToReviewTargets(templates, 4)];
    for (const { child, target } of yielded) expect(target).toBe(canTakeReview(child));
    const { children, targets } = reviewTargets(templates, 4);
    expect(streams(children)).toEqual(streams(yielded.map((y) => y.child)));
    expect(streams(targets)).toEqual(streams(yielded.filter((y) => y.target).map((y) => y.child)));
  });

  it('given templates none of which can take a review, then it says so instead of cloning for ever', () => {
    const none = templates.filter((t) => !canTakeReview(cohortChildren([t], 1).next().value!));
    expect(none.length).toBeGreaterThan(0);
    expect(() => [...childrenToReviewTargets(none, 1)]).toThrow(/none of the \d+ templates is looked after/);
  });
});
