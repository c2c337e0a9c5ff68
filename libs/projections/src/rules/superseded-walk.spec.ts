import { DEFAULT_DRIFT_CONFIG } from './drift-config';
import type { DriftRule, Obligation } from './drift-rule';
import { SupersededWalk } from './evaluate-drift-superseded';
import { flagHistory } from './evaluate-drift';
import { DRIFT_RULES } from './rule-registry';
import { randomJourneys } from '../testing/random-journeys';
import { journey } from '../testing/journey-builder';
import type { JourneySummary } from '../summary/journey-summary';

/**
 * The walk's own steps, with two made-up rules, so a change point's step is what decides the
 * breach: the real rules' breaches all come from fact dates, and flagHistory walks with the same
 * class, so comparing the two cannot tell a step left out.
 */
const BIRTHDAY = '2026-03-01';
const hasReview = (s: JourneySummary) => s.periods.some((p) => p.reviews.length > 0);

/** Owes a review from its change point (a birthday) on, while the child has had none: a late review makes it vanish. */
const fromBirthday: DriftRule = {
  id: 'DR10',
  title: 'owed from a birthday',
  describe: () => '',
  thresholds: () => ({}),
  reads: ['period', 'reviews'],
  changePoints: () => [BIRTHDAY],
  obligations: (s, asAt): Obligation[] =>
    asAt >= BIRTHDAY && !hasReview(s)
      ? [{ key: 'b', from: BIRTHDAY, dueDate: '2026-03-10', evidence: [] }]
      : [],
};

/** Without change points, counting its derivations: a change point of another rule does not derive it again. */
let derivations = 0;
const countsDerivations: DriftRule = {
  id: 'DR01',
  title: 'counts its derivations',
  describe: () => '',
  thresholds: () => ({}),
  reads: ['period', 'reviews'],
  obligations: () => {
    derivations += 1;
    return [];
  },
};

describe('SupersededWalk steps through change points', () => {
  const rules = [countsDerivations, fromBirthday];
  const lateReview = () =>
    journey('w').registered('2026-01-05').startCare('2026-01-05', 'C2', 'U4').review('2026-04-20').summary();

  it('Given an obligation owed from a birthday (a change point) and missed, When a review on 20 April makes it vanish, Then its breach is kept: opened 11 March, closed 20 April as no longer applying', () => {
    const walk = new SupersededWalk(rules, DEFAULT_DRIFT_CONFIG, false);
    const breaches = walk.breaches(lateReview(), '2026-04-30', [[], []]);
    expect(
      breaches.map(({ rule, openedOn, closedOn, reason }) => ({ rule, openedOn, closedOn, reason })),
    ).toEqual([{ rule: 1, openedOn: '2026-03-11', closedOn: '2026-04-20', reason: 'no_longer_applies' }]);
  });

  it('Given the same walk, Then at the birthday (only a change point) the rule without change points is not derived again', () => {
    const walk = new SupersededWalk(rules, DEFAULT_DRIFT_CONFIG, false);
    derivations = 0;
    walk.breaches(lateReview(), '2026-04-30', [[], []]);
    // Derived at 5 January (care starts) only: the birthday is the other rule's change point, and
    // 20 April, the last date, takes the caller's obligations.
    expect(derivations).toBe(1);
  });

  it('Given the walk kept from an earlier date, When asked again later with nothing changed, Then the same breach, and nothing derived again', () => {
    const walk = new SupersededWalk(rules, DEFAULT_DRIFT_CONFIG, false);
    const summary = lateReview();
    const first = walk.breaches(summary, '2026-04-30', [[], []]);
    derivations = 0;
    expect(walk.breaches(summary, '2026-06-30', [[], []])).toEqual(first);
    expect(derivations).toBe(0);
  });
});

describe('SupersededWalk derives again only the rules a date can change', () => {
  // The same rules told to read everything: every rule derived again at every fact date.
  const readingAll = DRIFT_RULES.map((rule): DriftRule => ({ ...rule, reads: undefined }));
  const entries = (s: JourneySummary, asAt: string, rules: readonly DriftRule[]) =>
    flagHistory(s, asAt, DEFAULT_DRIFT_CONFIG, rules).map(
      ({ ruleId, key, dueDate, openedOn, closedOn, closedBy }) => ({
        ruleId,
        key,
        dueDate,
        openedOn,
        closedOn,
        closedBy,
      }),
    );

  it('Given random long journeys (late entries, corrections, adoption steps, moves, short breaks), When the walk keeps the rules a fact date cannot change, Then the flag history is the one of deriving every rule at every date', () => {
    // Wide enough that a part left out of a list's facts (placements, plans, reviews) shows.
    let superseded = 0;
    for (const seed of [1, 2, 3, 4, 5])
      for (const b of randomJourneys(20, 60, seed)) {
        const s = b.summary();
        const dates = [...new Set(b.events.map((event) => event.data.effectiveDate))].sort();
        for (let i = 0; i < dates.length; i += 6) {
          const history = entries(s, dates[i], DRIFT_RULES);
          expect(history).toEqual(entries(s, dates[i], readingAll));
          superseded += history.filter((e) => e.closedBy === 'no_longer_applies').length;
        }
      }
    // The walk's own breaches are among them (not only flags of the day).
    expect(superseded).toBeGreaterThan(0);
  });
});
