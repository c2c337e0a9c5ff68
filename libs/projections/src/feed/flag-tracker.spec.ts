import { addDays, addMonths } from '@care-journey/journey';
import { PerEventFold } from '../engine/per-event-fold';
import { driftConfig, DEFAULT_DRIFT_CONFIG } from '../rules/drift-config';
import { flagHistory } from '../rules/evaluate-drift';
import { emptySummary } from '../summary/journey-summary';
import { journey, type JourneyBuilder } from '../testing/journey-builder';
import { sampleCohort } from '../testing/log-fixtures';
import { randomJourneys } from '../testing/random-journeys';
import { childView } from './child-view';
import { clockAfter } from './feed-clock';
import { FlagTracker } from './flag-tracker';

/**
 * Random journeys per sweep: PROPERTY_RUNS (default 12, as the other property specs); PROPERTY_RUNS=40
 * gives the sizes before session 12 (40, 10, 10 journeys), for a nightly or a fuzz run.
 */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 12);
if (!Number.isInteger(RUNS) || RUNS < 1)
  throw new RangeError(
    `PROPERTY_RUNS must be a whole number of at least 1, got ${process.env.PROPERTY_RUNS}`,
  );
const QUARTER = Math.ceil(RUNS / 4);

const flagFacts = <F extends { kind: string }>(facts: F[]) =>
  facts.filter((fact) => fact.kind.startsWith('flag.'));

type Fact = { kind: string; key: string };
const ruleOf = (fact: Fact): string => fact.key.split('/')[0];

/**
 * The tracker's facts equal flagHistory's; when not, the failure first names the rules whose facts
 * differ: a rule's `reads` or `changePoints` missing a part it uses is the usual cause
 * (docs/drift-rules.md, "Adding a rule").
 */
function expectSameFacts(tracked: Fact[], expected: Fact[]): void {
  try {
    expect(tracked).toEqual(expected);
  } catch (error) {
    const shown = (facts: Fact[]) => new Set(facts.map((fact) => JSON.stringify(fact)));
    const [left, right] = [shown(tracked), shown(expected)];
    const differing = [
      ...tracked.filter((fact) => !right.has(JSON.stringify(fact))),
      ...expected.filter((fact) => !left.has(JSON.stringify(fact))),
    ];
    const rules = [...new Set(differing.map(ruleOf))].sort();
    if (error instanceof Error && rules.length > 0)
      error.message = `Flag facts of ${rules.join(', ')} differ from flagHistory's: check the rule's \`reads\` and \`changePoints\`.\n\n${error.message}`;
    throw error;
  }
}

/** After every event, the tracker's flag facts are those flagHistory gives (as the feed asks). */
function expectSameAsFlagHistory(b: JourneyBuilder, config = DEFAULT_DRIFT_CONFIG, earlier = false): void {
  const fold = new PerEventFold(b.childId, [], emptySummary(b.childId));
  const tracker = new FlagTracker(config);
  let clock: string | undefined;
  for (const event of b.events) {
    clock = clockAfter(clock, event);
    const summary = fold.next(event);
    tracker.changed(fold.changed, summary, fold.latestDate, fold.changedFrom);
    expectSameFacts(tracker.facts(summary, clock), flagFacts(childView(summary, clock, config).facts));
    // An earlier date: entries dated after it are trimmed off (the bound does not spare the scan).
    if (earlier) {
      const before = addMonths(clock, -4);
      expectSameFacts(tracker.facts(summary, before), flagFacts(childView(summary, before, config).facts));
    }
    // A later date with no event: standing conditions (DR05, DR10) move with the date alone.
    for (const months of [3, 7, 13, 30]) {
      const later = addMonths(clock, months);
      expectSameFacts(tracker.facts(summary, later), flagFacts(childView(summary, later, config).facts));
    }
  }
}

describe('FlagTracker', () => {
  it('gives the flag facts of flagHistory after every event of a sample cohort, also at later dates', () => {
    for (const b of sampleCohort(40)) expectSameAsFlagHistory(b);
  });

  it('gives the flag facts of flagHistory over random long journeys (back-dated entries, outcomes, corrections, 29 February birthdays)', () => {
    // Refolds are told to the tracker as the parts they changed (facetsBetween), not as 'all'.
    for (const b of randomJourneys(RUNS, 30, 11)) expectSameAsFlagHistory(b, DEFAULT_DRIFT_CONFIG, true);
    for (const b of randomJourneys(QUARTER, 30, 12))
      expectSameAsFlagHistory(b, driftConfig({ DR05: { placements: 2, months: 6 }, DR10: { age: 13 } }));
  });

  it('gives the flag facts of flagHistory with DR14 on and statutory visits, some recorded late (a refold), as flagHistory does', () => {
    const visitsFrom = driftConfig({ DR14: { recordedFrom: '2012-01-01' } });
    const withVisits = (b: JourneyBuilder): JourneyBuilder => {
      const start = b.events.find((event) => event.type === 'PeriodOfCareStarted')?.data.effectiveDate;
      // Recorded after the rest of the journey: each one is back-dated, folded by a refold.
      if (start) for (const days of [3, 9, 50, 51, 120, 400, 520]) b.visit(addDays(start, days));
      return b;
    };
    const cohort = [...sampleCohort(10), ...randomJourneys(6, 30, 21)].map(withVisits);
    cohort.forEach((b, i) => expectSameAsFlagHistory(b, visitsFrom, i >= 10));
    // Not vacuous: the visits leave DR14 breaches in these journeys' histories.
    const breaches = cohort.flatMap((b) => flagHistory(b.summary(), '2030-01-01', visitsFrom));
    expect(breaches.filter((entry) => entry.ruleId === 'DR14').length).toBeGreaterThan(10);
  });

  it('gives the flag facts of flagHistory when DR10 resumes its clock after a permanent placement (flags opening on the day a placement ends)', () => {
    const resumes = driftConfig({ DR10: { age: 13, afterPermanentPlacement: 'resumes_clock' } });
    for (const b of sampleCohort(40)) expectSameAsFlagHistory(b, resumes);
    for (const b of randomJourneys(QUARTER, 30, 13)) expectSameAsFlagHistory(b, resumes, true);
  });

  it('re-derives DR10 when the date reaches the first day a 29 February child is old enough, as flagHistory does', () => {
    const config = driftConfig({ DR10: { age: 17 } });
    const b = journey('leap')
      .registered('2008-02-29', { dateOfBirth: '2008-02-29' })
      .startCare('2020-01-01', 'C2', 'K2');
    const fold = new PerEventFold(b.childId, [], emptySummary(b.childId));
    const tracker = new FlagTracker(config);
    let summary = fold.summary;
    for (const event of b.events) {
      summary = fold.next(event);
      tracker.changed(fold.changed, summary, fold.latestDate, fold.changedFrom);
    }
    // 17 on 1 March 2025 (a common year): due 1 September, open from the 2nd.
    for (const date of [
      '2025-02-27',
      '2025-02-28',
      '2025-03-01',
      '2025-03-02',
      '2025-09-01',
      '2025-09-02',
      '2025-09-03',
    ])
      expect(tracker.facts(summary, date)).toEqual(flagFacts(childView(summary, date, config).facts));
    const dr10 = (date: string) =>
      tracker.facts(summary, date).filter((fact) => fact.key.startsWith('DR10/'));
    expect(dr10('2025-09-01')).toEqual([]);
    expect(dr10('2025-09-02')).toHaveLength(1);
  });

  it('follows standing conditions and back-dated entries (refolds) as flagHistory does', () => {
    const unstable = journey('unstable')
      .registered('2008-01-01')
      .startCare('2023-01-01', 'V2')
      .move('2023-03-01')
      .review('2023-03-05')
      .move('2023-06-01')
      .temporary('2023-06-10')
      .backFromTemporary('2023-06-12')
      .audit('2023-08-01')
      .legalStatus('2023-08-15', 'C2')
      .move('2023-05-01') // back-dated: refolds
      .plan('2023-09-01', 'return_home')
      .move('2023-10-01', 'P1')
      .review('2024-09-01');
    expectSameAsFlagHistory(unstable);
    expectSameAsFlagHistory(unstable, driftConfig({ DR05: { placements: 2, months: 6 } }));
  });

  it('hands out the same facts (same array, same objects) when a re-derivation changes no flag', () => {
    const b = journey('same')
      .registered('2010-01-01')
      .startCare('2024-01-01', 'C2')
      .review('2024-01-20')
      .review('2024-03-01')
      .review('2024-07-01');
    const fold = new PerEventFold(b.childId, [], emptySummary(b.childId));
    const tracker = new FlagTracker(DEFAULT_DRIFT_CONFIG);
    let clock: string | undefined;
    let before: unknown;
    for (const event of b.events) {
      clock = clockAfter(clock, event);
      const summary = fold.next(event);
      tracker.changed(fold.changed);
      before = tracker.facts(summary, clock);
    }
    // A fourth review in time: DR03 is derived again, its earlier obligations give the same entries.
    b.review('2024-12-01');
    const event = b.events[b.events.length - 1];
    clock = clockAfter(clock, event);
    const summary = fold.next(event);
    tracker.changed(fold.changed, summary);
    expect(fold.changed).toEqual(['reviews']);
    expect(tracker.facts(summary, clock)).toBe(before);
  });

  it('orders many shown flags as flagHistory does (past the insertion sort, into Array.prototype.sort)', () => {
    // Every review late: one DR03 flag each, more than the tracker sorts by insertion (64).
    const b = journey('many-flags').registered('2000-01-01').startCare('2000-02-01').review('2000-02-20');
    let date = '2000-02-20';
    for (let i = 0; i < 70; i++) {
      date = addMonths(date, 8);
      b.review(date);
    }
    const fold = new PerEventFold(b.childId, [], emptySummary(b.childId));
    const tracker = new FlagTracker(DEFAULT_DRIFT_CONFIG);
    let clock: string | undefined;
    for (const event of b.events) {
      clock = clockAfter(clock, event);
      tracker.changed(fold.next(event) === fold.summary ? fold.changed : 'all');
    }
    const facts = tracker.facts(fold.summary, clock as string);
    expect(facts.length).toBeGreaterThan(2 * 64);
    expect(facts).toEqual(flagFacts(childView(fold.summary, clock as string, DEFAULT_DRIFT_CONFIG).facts));
  });
});
