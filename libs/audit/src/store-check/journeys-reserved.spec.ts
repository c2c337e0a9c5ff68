import { describeMissingJourney, ReservedJourneys, SETTLE_MS } from './journeys-reserved';

const now = new Date('2026-01-05T12:00:00.000Z');
const longAgo = '2026-01-01T09:00:00.000Z';

const reserved = (ref: string, childId: string, recordedAt = longAgo) => ({
  id: `reserved-${ref}-${childId}`,
  streamId: `child-ref-${ref}`,
  type: 'ChildRefReserved',
  data: { childRef: ref, childId },
  metadata: { recordedAt },
});
const released = (ref: string, childId: string) => ({
  id: `released-${ref}-${childId}`,
  streamId: `child-ref-${ref}`,
  type: 'ChildRefReleased',
  data: { childRef: ref, childId, reason: 'registration never sent' },
  metadata: { recordedAt: longAgo },
});

const missingOf = (journeys: string[], ...events: ReturnType<typeof reserved>[]) => {
  const check = new ReservedJourneys();
  for (const event of events) check.see(event);
  return check.missing((id) => journeys.includes(id), now);
};

describe('ReservedJourneys (a held 903 reference whose child has no journey)', () => {
  it('Given every held reference has its journey, Then nothing is missing', () => {
    expect(missingOf(['journey-a', 'journey-b'], reserved('C1', 'a'), reserved('C2', 'b'))).toEqual([]);
  });

  it("Given a journey deleted whole, Then its child's reservation names it", () => {
    expect(missingOf(['journey-a'], reserved('C1', 'a'), reserved('C2', 'b'))).toEqual([
      { streamId: 'journey-b', childId: 'b', reservedBy: 'child-ref-C2', reservedAt: longAgo },
    ]);
  });

  it('Given a reference released after its holder never became a child, Then it is not missing', () => {
    expect(missingOf([], reserved('C1', 'a'), released('C1', 'a'))).toEqual([]);
  });

  it('Given a reference reserved again after a release, Then the latest holder must have a journey', () => {
    expect(missingOf(['journey-a'], reserved('C1', 'a'), released('C1', 'a'), reserved('C1', 'b'))).toEqual([
      expect.objectContaining({ streamId: 'journey-b' }),
    ]);
  });

  it('Given a reservation recorded less than SETTLE_MS ago (its registration may be being written), Then it is not counted yet', () => {
    const recent = new Date(now.getTime() - SETTLE_MS + 1000).toISOString();
    const settled = new Date(now.getTime() - SETTLE_MS - 1000).toISOString();
    expect(missingOf([], reserved('C1', 'a', recent))).toEqual([]);
    expect(missingOf([], reserved('C1', 'a', settled))).toHaveLength(1);
  });

  it('ignores every stream but the references', () => {
    expect(missingOf([], { ...reserved('C1', 'a'), streamId: 'upn-abc' })).toEqual([]);
  });

  it('describes a missing journey in words', () => {
    expect(
      describeMissingJourney({
        streamId: 'journey-b',
        childId: 'b',
        reservedBy: 'child-ref-C2',
        reservedAt: longAgo,
      }),
    ).toBe(
      'journey-b is missing: child-ref-C2 holds its reference for child b (reserved 2026-01-01T09:00:00.000Z), ' +
        'and the log holds no event of journey-b: deleted, or a registration that never completed (then `care-journey child-ref release` it)',
    );
  });
});
