import { cohortChildren, repeatedChildren } from './cohort';
import { makeTemplates } from './templates';

describe('repeatedChildren', () => {
  const templates = makeTemplates(7, () => undefined);
  // 17 children on 7 templates: the last round of copies is partial, as in most cohorts.
  // (7 templates × ~11 events: 400 events is well past 17 children.)
  const base = [...cohortChildren(templates, 400)].slice(0, 17);

  it('is the base children times over: the same events per child, in the same order', () => {
    expect(base).toHaveLength(17);
    const four = [...repeatedChildren(templates, base.length, 4)];
    expect(four).toHaveLength(4 * 17);
    expect(four.map((c) => c.events.length)).toEqual(
      [base, base, base, base].flat().map((c) => c.events.length),
    );
    expect(four.map((c) => c.events.map((e) => e.type))).toEqual(
      [base, base, base, base].flat().map((c) => c.events.map((e) => e.type)),
    );
  });

  it('starts with the base cohort itself', () => {
    const first = [...repeatedChildren(templates, base.length, 1)];
    expect(first.map((c) => c.stream)).toEqual(base.map((c) => c.stream));
  });

  it('gives every child and every event an id of its own', () => {
    const four = [...repeatedChildren(templates, base.length, 4)];
    expect(new Set(four.map((c) => c.stream)).size).toBe(four.length);
    const ids = four.flatMap((c) => c.events.map((e) => e.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
