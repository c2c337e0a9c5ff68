import { addMonths } from '@care-journey/journey';
import { clockOf } from '../feed/feed-clock';
import { summaryFromStream } from '../summary/build-summary';
import { summaryAsAt } from '../summary/summary-as-at';
import { sampleCohort } from '../testing/log-fixtures';
import { randomJourneys } from '../testing/random-journeys';
import { DEFAULT_DRIFT_CONFIG } from './drift-config';
import { NO_EVIDENCE } from './drift-rule';
import { DRIFT_RULES } from './rule-registry';

describe('obligations without evidence (the feed)', () => {
  it('are the obligations with evidence, each with NO_EVIDENCE instead', () => {
    let obligations = 0;
    for (const b of [...sampleCohort(20), ...randomJourneys(40, 30, 3)]) {
      const summary = summaryFromStream(b.childId, b.events);
      const clock = clockOf(b.events) as string;
      for (const asAt of [addMonths(clock, -12), clock, addMonths(clock, 9)]) {
        const trimmed = summaryAsAt(summary, asAt);
        for (const rule of DRIFT_RULES) {
          const full = rule.obligations(trimmed, asAt, DEFAULT_DRIFT_CONFIG);
          const lean = rule.obligations(trimmed, asAt, DEFAULT_DRIFT_CONFIG, false);
          expect(lean).toEqual(full.map((o) => ({ ...o, evidence: [] })));
          for (const o of lean) expect(o.evidence).toBe(NO_EVIDENCE);
          obligations += full.length;
        }
      }
    }
    expect(obligations).toBeGreaterThan(500);
  });

  it('is one frozen list: nothing can write into it', () => {
    expect(Object.isFrozen(NO_EVIDENCE)).toBe(true);
    expect(() => NO_EVIDENCE.push('x')).toThrow(TypeError);
  });
});
