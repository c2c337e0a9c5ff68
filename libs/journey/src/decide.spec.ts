import type { JourneyCommand } from './commands';
import { journeyDecider } from './decider';
import { DomainRuleViolation } from './errors';
import { given, stateOf } from './testing/decider-specification';
import { CHILD, inCare, meta } from './testing/fixtures';

describe('journeyDecider', () => {
  it('exposes decide, evolve and the initial state', () => {
    expect(typeof journeyDecider.decide).toBe('function');
    expect(typeof journeyDecider.evolve).toBe('function');
    expect(journeyDecider.initialState.registered).toBe(false);
  });

  it('refuses an unknown command type as bad input', () =>
    given(inCare)
      .when({ type: 'AdoptChild', childId: CHILD, ...meta() } as unknown as JourneyCommand)
      .thenThrows('unknown-command', 'type'));

  it('throws DomainRuleViolation with rule, field and message, and changes nothing', () => {
    const state = stateOf(inCare);
    const before = JSON.stringify(state);
    let error: unknown;
    try {
      journeyDecider.decide(
        {
          type: 'RecordReview',
          childId: CHILD,
          effectiveDate: '2024-02-30',
          participation: 'PN1',
          ...meta(),
        },
        state,
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainRuleViolation);
    expect(error).toMatchObject({
      name: 'DomainRuleViolation',
      rule: 'invalid-date',
      field: 'effectiveDate',
    });
    expect((error as Error).message).toContain('2024-02-30');
    expect(JSON.stringify(state)).toBe(before);
  });

  it('does not use a clock: "now" decides what is in the future', () => {
    const review = {
      type: 'RecordReview',
      childId: CHILD,
      effectiveDate: '2024-06-05',
      participation: 'PN1',
    } as const;
    given(inCare)
      .when({ ...review, now: '2024-06-04T22:59:00Z', recordedBy: 'sw' })
      .thenThrows('date-in-future');
    // The recording date is the date in England of `now`: 00:30 BST on 5 June is 5 June, though
    // it is still 4 June in UTC.
    for (const now of ['2024-06-05T00:30:00+01:00', '2024-06-04T23:30:00Z', '2024-06-05T08:00:00Z'])
      expect(
        given(inCare)
          .when({ ...review, now, recordedBy: 'sw' })
          .events(),
      ).toHaveLength(1);
  });
});

describe('the Given/When/Then helper', () => {
  const review = {
    type: 'RecordReview',
    childId: CHILD,
    effectiveDate: '2024-06-05',
    participation: 'PN1',
    ...meta(),
  } as const;
  it('fails when the events differ', () => {
    expect(() => given(inCare).when(review).then([])).toThrow(/expected events/);
  });
  it('fails when a different rule is broken', () => {
    expect(() =>
      given(inCare)
        .when({ ...review, participation: 'PN9' })
        .thenThrows('date-in-future'),
    ).toThrow(/expected rule date-in-future/);
  });
  it('fails when nothing is broken', () => {
    expect(() => given(inCare).when(review).thenThrows('date-in-future')).toThrow(/to be broken/);
  });
});
