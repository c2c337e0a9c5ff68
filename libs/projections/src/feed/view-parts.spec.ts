import { PerEventFold } from '../engine/per-event-fold';
import { DEFAULT_DRIFT_CONFIG } from '../rules/drift-config';
import { emptySummary } from '../summary/journey-summary';
import { journey, type JourneyBuilder } from '../testing/journey-builder';
import { sampleCohort } from '../testing/log-fixtures';
import { randomJourneys } from '../testing/random-journeys';
import { childView, ViewParts } from './child-view';
import { clockAfter } from './feed-clock';
import { FlagTracker } from './flag-tracker';

/** After every event, the view with kept parts is the view worked out afresh. */
function expectSameAsFresh(b: JourneyBuilder): void {
  const fold = new PerEventFold(b.childId, [], emptySummary(b.childId));
  const tracker = new FlagTracker(DEFAULT_DRIFT_CONFIG);
  const parts = new ViewParts();
  let clock: string | undefined;
  for (const event of b.events) {
    clock = clockAfter(clock, event);
    const summary = fold.next(event);
    tracker.changed(fold.changed, summary, fold.latestDate, fold.changedFrom);
    parts.changed(fold.changed);
    expect(childView(summary, clock, DEFAULT_DRIFT_CONFIG, tracker, parts)).toEqual(
      childView(summary, clock, DEFAULT_DRIFT_CONFIG),
    );
  }
}

describe('ViewParts', () => {
  it('gives the period and permanence facts a fresh view gives, after every event of a sample cohort', () => {
    for (const b of sampleCohort(40)) expectSameAsFresh(b);
  });

  it('gives the facts a fresh view gives over random long journeys (refolds told as the parts they changed)', () => {
    for (const b of randomJourneys(40, 30, 5)) expectSameAsFresh(b);
  });

  it('follows moves, plans, adoption, endings and back-dated entries', () => {
    const b = journey('parts')
      .registered('2008-01-01')
      .startCare('2023-01-01', 'V2')
      .move('2023-03-01')
      .review('2023-03-05')
      .plan('2023-04-01', 'long_term_fostering')
      .move('2023-06-01', 'U1')
      .legalStatus('2023-08-15', 'C2')
      .move('2023-05-01') // back-dated: refolds
      .adoptionDecision('2023-09-01')
      .placementOrder('2023-10-01')
      .match('2023-11-01')
      .review('2024-01-01')
      .endCare('2024-03-01', 'E4A')
      .startCare('2024-06-01')
      .review('2024-07-01');
    expectSameAsFresh(b);
  });

  it('hands out the same period facts (same array, same objects) when a change makes them again unchanged', () => {
    const b = journey('same').registered('2020-01-01').startCare('2023-01-01').review('2023-01-20');
    const fold = new PerEventFold(b.childId, [], emptySummary(b.childId));
    for (const event of b.events) fold.next(event);
    const parts = new ViewParts();
    const first = parts.periodFacts(fold.summary);
    // A legal status after the first is read by the period facts but changes none of them.
    parts.changed(['legalStatuses']);
    expect(parts.periodFacts(fold.summary)).toBe(first);
    // A move adds a fact: a new list, the facts before it the same objects' equals.
    b.move('2023-02-01');
    fold.next(b.events[b.events.length - 1]);
    parts.changed(fold.changed);
    const moved = parts.periodFacts(fold.summary);
    expect(moved).not.toBe(first);
    expect(moved.slice(0, first.length)).toEqual(first);
  });
});
