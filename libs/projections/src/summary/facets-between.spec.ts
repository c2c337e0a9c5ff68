import { addMonths } from '@care-journey/journey';
import { DEFAULT_DRIFT_CONFIG } from '../rules/drift-config';
import { DRIFT_RULES } from '../rules/rule-registry';
import { clockOf } from '../feed/feed-clock';
import { journey } from '../testing/journey-builder';
import { randomJourneys } from '../testing/random-journeys';
import { summaryFromStream } from './build-summary';
import { facetsBetween, sameValue } from './facets-between';
import type { JourneySummary } from './journey-summary';
import { summaryAsAt } from './summary-as-at';

const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('facetsBetween', () => {
  it('lists only the part a back-dated entry changed', () => {
    const b = journey('late')
      .registered('2020-01-01')
      .startCare('2020-02-01')
      .review('2020-02-20')
      .review('2020-05-01')
      .review('2020-10-01')
      .plan('2020-11-01', 'adoption');
    const before = b.summary();
    expect(facetsBetween(before, b.review('2020-08-01').summary())).toEqual(['reviews']);
    expect(facetsBetween(before, journey('late').summary())).toBe('all');
    const early = summaryFromStream(b.childId, [...b.events.slice(0, 3), ...b.events.slice(4)]);
    expect(facetsBetween(early, b.summary())).toEqual(['reviews', 'firstReviews']);
  });

  it('says [] when only the count moved, and all when a field it does not know differs', () => {
    const b = journey('count').registered('2020-01-01').startCare('2020-02-01');
    const before = b.summary();
    expect(facetsBetween(before, { ...before, eventCount: 9 })).toEqual([]);
    expect(facetsBetween(before, { ...before, extra: 1 } as JourneySummary)).toBe('all');
    const period = { ...before.periods[0], extra: 1 };
    expect(facetsBetween(before, { ...before, periods: [period] })).toBe('all');
  });

  it('compares as JSON does: undefined and absent alike, order of keys aside', () => {
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameValue({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(sameValue([1, { c: 'x' }], [1, { c: 'y' }])).toBe(false);
    expect(sameValue({ a: [] }, { a: {} })).toBe(false);
  });

  it('never leaves out a part a rule reads: rules that read none of the listed parts give the same obligations', () => {
    // Random long journeys: each event against the one before, with the summaries refolded afresh.
    let compared = 0;
    for (const b of randomJourneys(60, 30, 7)) {
      let before = summaryFromStream(b.childId, b.events.slice(0, 1));
      for (let i = 2; i <= b.events.length; i++) {
        const events = b.events.slice(0, i);
        const after = summaryFromStream(b.childId, events);
        const change = facetsBetween(before, after);
        const clock = clockOf(events) as string;
        if (change !== 'all') {
          if (change.length === 0)
            expect(json({ ...after, eventCount: 0 })).toEqual(json({ ...before, eventCount: 0 }));
          for (const rule of DRIFT_RULES) {
            if (rule.reads === undefined || rule.reads.some((facet) => change.includes(facet))) continue;
            for (const asAt of [clock, addMonths(clock, 7)]) {
              const was = rule.obligations(summaryAsAt(before, asAt), asAt, DEFAULT_DRIFT_CONFIG);
              const now = rule.obligations(summaryAsAt(after, asAt), asAt, DEFAULT_DRIFT_CONFIG);
              expect({ rule: rule.id, obligations: now }).toEqual({ rule: rule.id, obligations: was });
              compared += 1;
            }
          }
        }
        before = after;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
