import type { JourneyEvent } from './events';
import type { JourneySchemas } from './event-schema';
import { evolveAll } from './evolve';
import { heldSchemaWrite, raisedTypes } from './schema-writes';
import { stored } from './testing/decider-specification';
import { careStarted, CHILD, registered, reviewHeld } from './testing/fixtures';

/** A build that raised StatutoryReviewHeld to version 2 (spec-only: every type is at 1 in this build). */
const RAISED: JourneySchemas = {
  current: { StatutoryReviewHeld: 2 },
  upcasters: { StatutoryReviewHeld: { 1: (data) => ({ ...data }) } },
};

const inCare = evolveAll(stored([registered, careStarted()]));
const NOTHING_SEEN = new Map<string, number>();

const amendmentOf = (correctedEventId: string, amendedSchemaVersion?: number): JourneyEvent => ({
  type: 'EntryAmended',
  data: {
    childId: CHILD,
    effectiveDate: '2024-06-01',
    correctedEventId,
    reason: 'wrong participation code',
    amendedData: { participation: 'PN0' },
    ...(amendedSchemaVersion !== undefined && { amendedSchemaVersion }),
  },
});

describe('heldSchemaWrite: which writes CARE_JOURNEY_SCHEMA_WRITES=held refuses', () => {
  it('Given a build with every type at version 1, When anything is decided, Then nothing is held', () => {
    expect(raisedTypes({ current: {}, upcasters: {} })).toEqual([]);
    expect(
      heldSchemaWrite([reviewHeld('2024-06-01')], inCare, NOTHING_SEEN, { current: {}, upcasters: {} }),
    ).toBe(undefined);
  });

  it('Given StatutoryReviewHeld raised to 2 and a log holding none at 2, When a review is decided, Then that write is held, naming type and versions', () => {
    expect(raisedTypes(RAISED)).toEqual(['StatutoryReviewHeld']);
    expect(heldSchemaWrite([reviewHeld('2024-06-01')], inCare, NOTHING_SEEN, RAISED)).toEqual({
      type: 'StatutoryReviewHeld',
      version: 2,
      seen: 1,
      eventType: 'StatutoryReviewHeld',
    });
  });

  it('Given the same build, When another type is decided, Then it goes through', () => {
    expect(heldSchemaWrite([careStarted('2024-07-01')], inCare, NOTHING_SEEN, RAISED)).toBe(undefined);
  });

  it('Given the log already holds a StatutoryReviewHeld at 2, When a review is decided, Then it goes through (every reader must read 2 already)', () => {
    const seen = new Map([['StatutoryReviewHeld', 2]]);
    expect(heldSchemaWrite([reviewHeld('2024-06-01')], inCare, seen, RAISED)).toBe(undefined);
  });

  it('Given the log holds it at 2, When the build writes 3, Then it is held, naming 2 as seen', () => {
    const three: JourneySchemas = { current: { StatutoryReviewHeld: 3 }, upcasters: {} };
    const seen = new Map([['StatutoryReviewHeld', 2]]);
    expect(heldSchemaWrite([reviewHeld('2024-06-01')], inCare, seen, three)).toMatchObject({
      version: 3,
      seen: 2,
    });
  });

  it("Given a review entry in the journey, When an amendment of it at amendedSchemaVersion 2 is decided, Then it is held under the review's type", () => {
    const withReview = evolveAll(stored([registered, careStarted(), reviewHeld('2024-06-01')]));
    const reviewId = withReview.history.find((e) => e.type === 'StatutoryReviewHeld')?.id ?? 'none';
    expect(heldSchemaWrite([amendmentOf(reviewId, 2)], withReview, NOTHING_SEEN, RAISED)).toEqual({
      type: 'StatutoryReviewHeld',
      version: 2,
      seen: 1,
      eventType: 'EntryAmended',
    });
    // An amendment at version 1 (absent) writes nothing new.
    expect(heldSchemaWrite([amendmentOf(reviewId)], withReview, NOTHING_SEEN, RAISED)).toBe(undefined);
    expect(
      heldSchemaWrite([amendmentOf(reviewId, 2)], withReview, new Map([['StatutoryReviewHeld', 2]]), RAISED),
    ).toBe(undefined);
  });
});
