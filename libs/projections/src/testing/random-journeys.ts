/**
 * Test helper: seeded random journeys for property-style specs of the feed's incremental parts
 * (the fold, the facets a refold changed, the flag tracker). Long lives with every kind of entry,
 * some recorded late (back-dated: a refold), outcomes among them, corrections, second periods of
 * care and 29 February birthdays. The same seed gives the same journeys.
 */
import { addDays, type PermanenceRoute } from '@care-journey/journey';
import { journey, type JourneyBuilder } from './journey-builder';

/** A small seeded generator (mulberry32): enough spread for specs, and repeatable. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROUTES: PermanenceRoute[] = ['return_home', 'adoption', 'long_term_fostering', 'special_guardianship'];
const BIRTHS = ['2004-02-29', '2006-07-31', '2008-02-29', '2009-12-31', '2012-03-01', '2015-06-15'];

function outcome(b: JourneyBuilder, date: string): void {
  b.add('AnnualHealthOutcomesRecorded', {
    effectiveDate: date,
    immunisations: true,
    teethCheck: false,
    healthAssessment: true,
    substanceMisuse: false,
  });
}

/** `count` journeys of up to `steps` entries each after registration and entry into care. */
export function randomJourneys(count: number, steps: number, seed = 1): JourneyBuilder[] {
  const random = seeded(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const journeys: JourneyBuilder[] = [];
  for (let n = 0; n < count; n++) {
    const b = journey(`random${seed}-${n}`).registered('2018-01-01', { dateOfBirth: pick(BIRTHS) });
    let date = addDays('2018-01-10', Math.floor(random() * 400));
    let inCare = true;
    b.startCare(date, pick(['C2', 'V2', 'C2', 'V3']), pick(['U4', 'K2', 'P1', 'U1']));
    for (let step = 0; step < steps; step++) {
      date = addDays(date, 15 + Math.floor(random() * 120));
      // One entry in six is recorded late: dated before the last one (a refold).
      const when = random() < 1 / 6 ? addDays(date, -(10 + Math.floor(random() * 200))) : date;
      const roll = random();
      if (!inCare) {
        if (roll < 0.5) {
          b.startCare(date, pick(['C2', 'V2']), pick(['U4', 'K2']));
          inCare = true;
        } else outcome(b, when);
        continue;
      }
      if (roll < 0.25) b.review(when);
      else if (roll < 0.35) b.move(when, pick(['U4', 'U1', 'K2', 'P1']));
      else if (roll < 0.42) b.audit(when);
      else if (roll < 0.5) b.plan(when, pick(ROUTES));
      else if (roll < 0.56) b.legalStatus(when, pick(['C2', 'V2', 'C1']));
      else if (roll < 0.64) outcome(b, when);
      else if (roll < 0.68) b.temporary(date).backFromTemporary(addDays(date, 3));
      else if (roll < 0.72) b.adoptionDecision(when);
      else if (roll < 0.75) b.match(when);
      else if (roll < 0.78) b.placedForAdoption(when);
      else if (roll < 0.8 && b.events.length > 3) {
        // A correction of an earlier entry (never the registration or the first entry into care).
        const target = b.events[2 + Math.floor(random() * (b.events.length - 2))];
        b.add('EntryRetracted', { effectiveDate: date, retractedEventId: target.id, reason: 'spec' });
      } else if (roll < 0.84) {
        b.endCare(date);
        inCare = false;
      } else b.review(date);
    }
    journeys.push(b);
  }
  return journeys;
}
