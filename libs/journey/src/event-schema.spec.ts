import { fromStoredEnvelope } from './envelope';
import {
  currentSchemaVersion,
  UnreadableEventSchema,
  upcastJourneyData,
  BASE_SCHEMA_VERSION,
  type JourneySchemas,
} from './event-schema';
import { thrownBy } from './testing/thrown-by';

const stored = (schemaVersion: unknown) => ({
  id: 'e-7',
  type: 'StatutoryReviewHeld',
  streamId: 'journey-c1',
  revision: 4n,
  globalPosition: 812n,
  data: { childId: 'c1', effectiveDate: '2024-06-03', participation: 'PN1' },
  metadata: { recordedAt: '2024-06-04T10:00:00Z', recordedBy: 'alice', schemaVersion },
});

describe('reading a stored journey event: its schema version', () => {
  it('Given an event of the version the code writes, When it is read, Then its data is folded as stored', () => {
    const event = fromStoredEnvelope(stored(BASE_SCHEMA_VERSION));
    expect(event.data).toEqual(stored(1).data);
  });

  it('Given an event of a newer version, When it is read, Then it is refused naming its type, place and both versions', () => {
    const read = () => fromStoredEnvelope(stored(2));
    expect(read).toThrow(UnreadableEventSchema);
    expect(read).toThrow(
      'Event StatutoryReviewHeld (id e-7, stream journey-c1, revision 4, global position 812): ' +
        'metadata.schemaVersion 2 is newer than this code knows for StatutoryReviewHeld (1): ' +
        'upgrade before reading this store',
    );
  });

  it("Given an event of a newer version, When it is refused, Then the error says a newer build wrote it and keeps the event's place, not its data", () => {
    const refused = thrownBy(UnreadableEventSchema, () => fromStoredEnvelope(stored(2)));
    expect(refused).toMatchObject({ reason: 'newer', schemaVersion: 2, knownVersion: 1 });
    expect(refused.event).toEqual({
      id: 'e-7',
      type: 'StatutoryReviewHeld',
      streamId: 'journey-c1',
      revision: 4n,
      globalPosition: 812n,
    });
    expect(
      JSON.stringify(refused, (_key, value: unknown) => (typeof value === 'bigint' ? 1 : value)),
    ).not.toContain('PN1');
  });

  it('Given a malformed version or a missing upcaster, When it is refused, Then the reason tells them apart from a newer build', () => {
    expect(thrownBy(UnreadableEventSchema, () => fromStoredEnvelope(stored('2'))).reason).toBe('malformed');
    const missing: JourneySchemas = { current: { StatutoryReviewHeld: 2 }, upcasters: {} };
    expect(thrownBy(UnreadableEventSchema, () => upcastJourneyData(stored(1), 1, missing)).reason).toBe(
      'no-upcaster',
    );
  });

  it.each([['2'], [0], [1.5], [null]])(
    'Given a schemaVersion %p that is not a whole number >= 1, When it is read, Then it is refused',
    (version) => {
      expect(() => fromStoredEnvelope(stored(version))).toThrow(
        /metadata\.schemaVersion .* must be a whole number >= 1/,
      );
    },
  );

  it('Given an event written without a version, When it is read, Then it is read as version 1', () => {
    expect(fromStoredEnvelope(stored(undefined)).data).toEqual(stored(1).data);
  });
});

describe('upcasting an older event', () => {
  // A made-up history: StatutoryReviewHeld at version 3, each step with its upcaster.
  const schemas: JourneySchemas = {
    current: { StatutoryReviewHeld: 3 },
    upcasters: {
      StatutoryReviewHeld: {
        1: (data) => ({ ...data, participation: `v2:${String(data.participation)}` }),
        2: ({ participation, ...data }) => ({ ...data, participationCode: participation }),
      },
    },
  };

  it('Given a version 1 event and a code at version 3, When it is upcast, Then each step runs in order', () => {
    expect(upcastJourneyData(stored(1), 1, schemas)).toEqual({
      childId: 'c1',
      effectiveDate: '2024-06-03',
      participationCode: 'v2:PN1',
    });
    expect(upcastJourneyData(stored(2), 2, schemas)).toEqual({
      childId: 'c1',
      effectiveDate: '2024-06-03',
      participationCode: 'PN1',
    });
  });

  it('Given a step without an upcaster, When it is upcast, Then it is refused naming the step', () => {
    const missing: JourneySchemas = { current: { StatutoryReviewHeld: 2 }, upcasters: {} };
    expect(() => upcastJourneyData(stored(1), 1, missing)).toThrow(/has no upcaster from 1 to 2/);
  });

  it('Given the versions in use, Then every type is at the version envelopes are written with', () => {
    expect(currentSchemaVersion('StatutoryReviewHeld')).toBe(BASE_SCHEMA_VERSION);
    expect(currentSchemaVersion('ChildRegistered', schemas)).toBe(BASE_SCHEMA_VERSION);
    expect(currentSchemaVersion('StatutoryReviewHeld', schemas)).toBe(3);
  });
});
