/**
 * A few corrections, as social workers make them: a review's participation code amended, and a
 * review entered twice (on the wrong day) then retracted. They point at real event ids, so they
 * are drawn after the journey has been run through the decider once.
 */
import type { JourneyCommand } from '@care-journey/journey';
import type { NewEvent } from '@care-journey/event-store';
import { addDays } from './dates';
import { REVIEW_PARTICIPATION } from './code-mixes';
import type { Random } from './prng';

const later = (iso: string, days: number): string =>
  new Date(Date.parse(iso) + days * 86_400_000).toISOString().replace('.000Z', 'Z');

export function drawCorrections(
  random: Random,
  childId: string,
  envelopes: readonly NewEvent[],
  recordedBy: string,
  lastDay: string,
): JourneyCommand[][] {
  const reviews = envelopes.filter(
    (e) => e.type === 'StatutoryReviewHeld' && e.data['participation'] !== 'PN0',
  );
  if (reviews.length === 0) return [];
  const out: JourneyCommand[][] = [];
  if (random.chance(0.03)) {
    const target = random.pick(reviews);
    const participation = random.weighted(
      REVIEW_PARTICIPATION.filter(([code]) => code !== target.data['participation']),
    );
    out.push([
      {
        type: 'AmendEntry',
        childId,
        correctedEventId: target.id,
        reason: 'Participation code entered wrongly',
        amendedData: { ...target.data, participation },
        now: later(target.metadata.recordedAt, random.int(1, 20)),
        recordedBy,
      },
    ]);
  }
  if (random.chance(0.02)) {
    const target = random.pick(reviews);
    const wrongDay = addDays(target.data['effectiveDate'] as string, 1);
    const taken = envelopes.some(
      (e) => e.type === 'StatutoryReviewHeld' && e.data['effectiveDate'] === wrongDay,
    );
    if (!taken && wrongDay <= lastDay) {
      const now = later(target.metadata.recordedAt, 1);
      // The retraction names the duplicate by id; the caller runs the pair and fills the id in.
      out.push([
        {
          type: 'RecordReview',
          childId,
          effectiveDate: wrongDay,
          participation: target.data['participation'] as string,
          now,
          recordedBy,
        },
        {
          type: 'RetractEntry',
          childId,
          retractedEventId: '',
          reason: 'Review recorded twice, on the wrong date',
          now: later(now, random.int(1, 10)),
          recordedBy,
        },
      ]);
    }
  }
  return out;
}
