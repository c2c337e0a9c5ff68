import { addDays, addMonths, type StoredJourneyEvent } from '@care-journey/journey';
import { PerEventFold } from '../engine/per-event-fold';
import { clockAfter } from '../feed/feed-clock';
import { emptySummary, type JourneySummary } from '../summary/journey-summary';
import { firstReviewsOfParts } from '../summary/periods-off-short-breaks';
import type { SummaryFacet } from '../summary/summary-facets';
import { summaryAsAt } from '../summary/summary-as-at';
import { journey } from '../testing/journey-builder';
import { randomJourneys, seeded } from '../testing/random-journeys';
import { driftConfig, type DriftConfig } from './drift-config';
import { NO_EVIDENCE, type DriftRule, type Obligation } from './drift-rule';
import { SupersededWalk } from './evaluate-drift-superseded';
import { DRIFT_RULES } from './rule-registry';

/**
 * The walk the feed keeps from event to event (told each change's date and parts, as the flag
 * tracker tells it) against a walk from scratch on the same summary, date and obligations. After
 * a change, the kept walk derives again only the rules that read a changed part and keeps the
 * others' obligations and breaches: a rule it wrongly keeps shows here as a breach missing, extra,
 * or closed on another date. DR14 is on, so that visits count too.
 */
const CONFIG = driftConfig({ DR14: { recordedFrom: '2012-01-01' } });

/**
 * A made-up rule per part: another entry of the part is owed 30 days after the latest, so each
 * entry re-dates the obligation, and one overdue before a late entry is superseded. The real
 * rules seldom supersede a breach through some parts (visits, allocations): these make a rule
 * left with its old obligations after a change to its part show in every part.
 */
function owesAnother(facet: SummaryFacet, datesOf: (summary: JourneySummary) => string[]): DriftRule {
  return {
    id: 'DR01',
    title: `another entry of ${facet}`,
    describe: () => '',
    thresholds: () => ({}),
    reads: ['period', facet],
    obligations: (summary): Obligation[] => {
      const last = datesOf(summary).sort().at(-1);
      return last === undefined
        ? []
        : [{ key: facet, from: last, dueDate: addDays(last, 30), evidence: NO_EVIDENCE }];
    },
  };
}

const inPeriods =
  (dates: (period: JourneySummary['periods'][number]) => string[]) => (summary: JourneySummary) =>
    summary.periods.flatMap(dates);

const RULES: readonly DriftRule[] = [
  ...DRIFT_RULES,
  owesAnother('allocations', (summary) => summary.allocations.map((fact) => fact.date)),
  owesAnother(
    'legalStatuses',
    inPeriods((period) => period.legalStatuses.map((fact) => fact.date)),
  ),
  owesAnother(
    'placements',
    inPeriods((period) => period.placements.map((run) => run.start)),
  ),
  owesAnother(
    'reviews',
    inPeriods((period) => period.reviews.map((fact) => fact.date)),
  ),
  owesAnother(
    'firstReviews',
    inPeriods((period) => firstReviewsOfParts(period).map((fact) => fact.date)),
  ),
  owesAnother(
    'plans',
    inPeriods((period) => period.plans.map((fact) => fact.date)),
  ),
  owesAnother(
    'audits',
    inPeriods((period) => period.audits.map((fact) => fact.date)),
  ),
  owesAnother(
    'visits',
    inPeriods((period) => (period.visits ?? []).map((fact) => fact.date)),
  ),
  owesAnother(
    'missing',
    inPeriods((period) => period.missing.map((spell) => spell.start)),
  ),
];

/**
 * A random journey (late reviews, moves, plans, audits, legal statuses, adoption steps, temporary
 * stays, corrections) with back-dated entries of the parts it has none of woven in: statutory
 * visits, missing spells and allocations, each dated before the entry recorded just before it.
 */
function withLateEntries(events: readonly StoredJourneyEvent[], seed: number): StoredJourneyEvent[] {
  const random = seeded(seed);
  const childId = events[0].data.childId;
  const late = journey(childId);
  const woven: StoredJourneyEvent[] = [];
  events.forEach((event, index) => {
    woven.push(event);
    if (index < 2 || random() > 0.6) return;
    const date = addDays(event.data.effectiveDate, -(1 + Math.floor(random() * 60)));
    const roll = random();
    if (roll < 0.7) late.visit(date, random() < 0.7);
    else if (roll < 0.85) {
      late.add('MissingEpisodeStarted', { effectiveDate: date, kind: 'M' });
      late.add('MissingEpisodeEnded', { effectiveDate: addDays(date, 2) });
    } else late.add('AllocationChanged', { effectiveDate: date, team: 'South', socialWorker: `sw-${index}` });
    // Their own ids: the journey's corrections point at its entries by id.
    while (late.events.length > 0) {
      const entry = late.events.shift() as StoredJourneyEvent;
      woven.push({ ...entry, id: `${childId}-late-${index}-${woven.length}` });
    }
  });
  return woven;
}

/** Each rule's obligations as at `asAt` (what the tracker hands the walk). */
const obligationsAsAt = (
  rules: readonly DriftRule[],
  summary: JourneySummary,
  asAt: string,
  config: DriftConfig,
): Obligation[][] => {
  const trimmed = summaryAsAt(summary, asAt);
  return rules.map((rule) => rule.obligations(trimmed, asAt, config, false));
};

/** After every entry, at the clock, before it and after it, the kept walk's breaches are the fresh walk's. */
function expectKeptWalkAsFresh(
  rules: readonly DriftRule[],
  events: readonly StoredJourneyEvent[],
  seen: Set<string>,
): void {
  const childId = events[0].data.childId;
  const fold = new PerEventFold(childId, [], emptySummary(childId));
  const walk = new SupersededWalk(rules, CONFIG, false);
  let clock: string | undefined;
  for (const event of events) {
    clock = clockAfter(clock, event);
    const summary = fold.next(event);
    walk.changedFrom(fold.changedFrom, fold.changed);
    for (const asAt of [clock, addMonths(clock, -5), addMonths(clock, 4), addMonths(clock, 14)]) {
      const current = obligationsAsAt(rules, summary, asAt, CONFIG);
      const kept = walk.breaches(summary, asAt, current);
      expect({ event: event.id, asAt, breaches: [...kept] }).toEqual({
        event: event.id,
        asAt,
        breaches: new SupersededWalk(rules, CONFIG, false).breaches(summary, asAt, current),
      });
      for (const breach of kept) seen.add(rules[breach.rule].title);
    }
  }
}

describe('SupersededWalk kept from event to event', () => {
  it('Given random long journeys with back-dated entries in every part (reviews, moves, plans, audits, legal statuses, adoption, visits, missing spells, allocations, corrections), When the kept walk is told each change and asked at, before and after the clock, Then its breaches (order, reasons, closing dates) are those of a walk from scratch', () => {
    const seen = new Set<string>();
    for (const seed of [31, 32, 33])
      randomJourneys(3, 40, seed).forEach((b, n) =>
        expectKeptWalkAsFresh(RULES, withLateEntries(b.events, seed * 100 + n), seen),
      );
    // Not vacuous: each made-up rule, and real rules, had superseded breaches.
    for (const rule of RULES.slice(DRIFT_RULES.length)) expect(seen).toContain(rule.title);
    expect(seen.size).toBeGreaterThan(RULES.length - DRIFT_RULES.length + 2);
  });

  it('Given the real rules alone (none reads allocations or missing spells), When late allocations and missing spells come among the other entries, Then the kept walk still gives the breaches of a walk from scratch', () => {
    const seen = new Set<string>();
    for (const seed of [41, 42])
      randomJourneys(3, 40, seed).forEach((b, n) =>
        expectKeptWalkAsFresh(DRIFT_RULES, withLateEntries(b.events, seed * 100 + n), seen),
      );
    expect(seen.size).toBeGreaterThan(1);
  });
});
