import { UnreadableEventSchema } from './event-schema';
import { assertKnownSchemaVersion } from './stored-event-version';
import { thrownBy } from './testing/thrown-by';

const place = {
  id: 'r-3',
  type: 'ChildRefReserved',
  streamId: 'child-ref-C1',
  revision: 0n,
  globalPosition: 40n,
};
const stored = (schemaVersion: unknown) => ({
  ...place,
  metadata: { recordedAt: '2026-01-01T09:00:00Z', recordedBy: 'alice', schemaVersion },
});

const WHERE = 'Event ChildRefReserved (id r-3, stream child-ref-C1, revision 0, global position 40)';

describe('the version check of stored events that are not journey events', () => {
  it('Given an event at the known version, or with none (version 1), When checked, Then it passes', () => {
    expect(() => assertKnownSchemaVersion(stored(2), 2)).not.toThrow();
    expect(() => assertKnownSchemaVersion({ ...place }, 1)).not.toThrow();
  });

  it.each([
    [
      'newer',
      3,
      'metadata.schemaVersion 3 is newer than this code knows for ChildRefReserved (2): upgrade before reading this store',
    ],
    ['malformed', '2', 'metadata.schemaVersion 2 must be a whole number >= 1'],
    ['malformed', 0, 'metadata.schemaVersion 0 must be a whole number >= 1'],
  ])(
    'Given a %s version (%p), When checked, Then it is refused in the journey check’s words',
    (reason, version, words) => {
      const refused = thrownBy(UnreadableEventSchema, () => assertKnownSchemaVersion(stored(version), 2));
      expect(refused).toMatchObject({ reason, schemaVersion: version, knownVersion: 2 });
      expect(refused.message).toBe(`${WHERE}: ${words}`);
    },
  );

  it('Given an older version, When checked, Then it is refused as having no upcaster, keeping the place only', () => {
    const refused = thrownBy(UnreadableEventSchema, () => assertKnownSchemaVersion(stored(1), 2));
    expect(refused).toMatchObject({ reason: 'no-upcaster', schemaVersion: 1, knownVersion: 2 });
    expect(refused.message).toBe(`${WHERE}: metadata.schemaVersion 1 has no upcaster to 2`);
    expect(refused.event).toEqual(place);
  });
});
