import { jest } from '@jest/globals';
import { amendEntry } from './testing/correction-commands';
import { fromStoredEnvelope, type StoredEnvelope } from './envelope';
import { JOURNEY_SCHEMAS, UnreadableEventSchema, type JourneySchemas } from './event-schema';
import type { StoredJourneyEvent } from './events';
import { resolveCorrections } from './resolve-corrections';
import { given } from './testing/decider-specification';
import { CHILD, inCare, reviewHeld } from './testing/fixtures';
import { thrownBy } from './testing/thrown-by';

/**
 * A made-up but realistic breaking change: GoingHomeAuditCompleted v2 renames `outcome` to
 * `decision` and recodes its values. Its upcaster needs the whole v1 entry (it always writes
 * `decision`), as most upcasters do.
 */
const RECODED: Record<string, string> = {
  'Remain in current placement': 'REMAIN',
  'Return home not safe yet': 'NOT_YET',
};
const V2: JourneySchemas = {
  current: { GoingHomeAuditCompleted: 2 },
  upcasters: {
    GoingHomeAuditCompleted: {
      1: ({ outcome, ...data }) => ({ ...data, decision: RECODED[String(outcome)] ?? 'OTHER' }),
    },
  },
};

let position = 0n;
/** A stored event as the store gives it back, written at `schemaVersion`. */
const storedEvent = (id: string, type: string, data: Record<string, unknown>, schemaVersion: number) =>
  ({
    id,
    type,
    data,
    streamId: `journey-${CHILD}`,
    revision: position,
    globalPosition: position++,
    metadata: { recordedAt: '2025-01-10T10:00:00Z', recordedBy: 'sw-test', schemaVersion },
  }) satisfies StoredEnvelope;

const auditV1 = storedEvent(
  'audit',
  'GoingHomeAuditCompleted',
  { childId: CHILD, effectiveDate: '2025-01-06', outcome: 'Return home not safe yet', nextAction: 'Revisit' },
  1,
);
/** An amendment of the audit, its amendedData written at `amendedSchemaVersion` (absent: 1). */
const amendment = (id: string, amendedData: Record<string, unknown>, amendedSchemaVersion?: number) =>
  storedEvent(
    id,
    'EntryAmended',
    {
      childId: CHILD,
      effectiveDate: '2025-01-06',
      correctedEventId: 'audit',
      reason: 'Wrong outcome chosen',
      amendedData,
      ...(amendedSchemaVersion !== undefined && { amendedSchemaVersion }),
    },
    1,
  );

/** The audit as a build at V2 folds it: read from the store, corrections resolved. */
const auditAsFolded = (...events: StoredEnvelope[]): Record<string, unknown> => {
  const read = events.map((event) => fromStoredEnvelope(event, { schemas: V2 }));
  const audit = resolveCorrections(read, V2).find((event) => event.id === 'audit');
  return audit?.data as Record<string, unknown>;
};

describe('an amendment stored before its entry type was raised to a new version', () => {
  it('Given a v1 audit and a v1 amendment of its outcome, When a v2 build folds it, Then it sees the v2 shape with the amended value recoded', () => {
    const folded = auditAsFolded(auditV1, amendment('fix', { outcome: 'Remain in current placement' }));
    expect(folded).toEqual({
      childId: CHILD,
      effectiveDate: '2025-01-06',
      decision: 'REMAIN',
      nextAction: 'Revisit',
    });
    expect(folded).not.toHaveProperty('outcome');
  });

  it('Given a v1 audit and a v1 amendment of another field, When a v2 build folds it, Then the amendment brings no v1 field back', () => {
    expect(auditAsFolded(auditV1, amendment('fix', { nextAction: 'Family meeting' }))).toEqual({
      childId: CHILD,
      effectiveDate: '2025-01-06',
      decision: 'NOT_YET',
      nextAction: 'Family meeting',
    });
  });

  it('Given a v1 audit, a v1 amendment and a v2 one written after the bump, When folded, Then each is laid at its own version, the latest winning', () => {
    const folded = auditAsFolded(
      auditV1,
      amendment('fix-1', { outcome: 'Remain in current placement', nextAction: 'Family meeting' }),
      amendment('fix-2', { decision: 'NOT_YET' }, 2),
    );
    expect(folded).toEqual({
      childId: CHILD,
      effectiveDate: '2025-01-06',
      decision: 'NOT_YET',
      nextAction: 'Family meeting',
    });
  });

  it('Given an entry upcast on read, When it is not amended, Then it keeps its data as stored (for a later amendment) and folds the v2 shape', () => {
    const read = fromStoredEnvelope(auditV1, { schemas: V2 });
    expect(read.asStored).toEqual({ schemaVersion: 1, data: auditV1.data });
    expect(resolveCorrections([read], V2)[0].data).toMatchObject({ decision: 'NOT_YET' });
  });

  it('Given an amended entry, When resolved, Then its data as stored is not kept (it no longer describes the entry)', () => {
    const read = [auditV1, amendment('fix', { nextAction: 'x' })].map((e) =>
      fromStoredEnvelope(e, { schemas: V2 }),
    );
    expect(resolveCorrections(read, V2)[0]).not.toHaveProperty('asStored');
  });
});

describe('an amendment this build cannot read', () => {
  it('Given an amendment written at a version newer than the build knows, When folded, Then it is refused naming the amendment and amendedSchemaVersion, without its data', () => {
    const refused = thrownBy(UnreadableEventSchema, () =>
      auditAsFolded(auditV1, amendment('fix', { decision: 'REMAIN' }, 3)),
    );
    expect(refused).toMatchObject({
      dataType: 'GoingHomeAuditCompleted',
      reason: 'newer',
      schemaVersion: 3,
      knownVersion: 2,
      field: 'amendedSchemaVersion',
    });
    expect(refused.event).toMatchObject({ id: 'fix', type: 'EntryAmended' });
    expect(refused.message).toMatch(
      /amendedSchemaVersion 3 is newer than this code knows for GoingHomeAuditCompleted \(2\)/,
    );
    expect(refused.message).not.toContain('REMAIN');
  });

  it('Given a v1 amendment after the entry was stored at v2, When folded, Then it is refused (no build decides that)', () => {
    const auditV2 = storedEvent(
      'audit',
      'GoingHomeAuditCompleted',
      { ...auditV1.data, outcome: undefined, decision: 'REMAIN' },
      2,
    );
    const refused = thrownBy(UnreadableEventSchema, () =>
      auditAsFolded(auditV2, amendment('fix', { outcome: 'Remain in current placement' })),
    );
    expect(refused).toMatchObject({ reason: 'malformed', field: 'amendedSchemaVersion' });
    expect(refused.message).toMatch(/is older than the GoingHomeAuditCompleted data it amends \(version 2\)/);
  });
});

describe('recording an amendment: the version its data is written at', () => {
  afterEach(() => jest.restoreAllMocks());
  const withReview = [...inCare, reviewHeld('2024-06-05')];

  it('Given the corrected type is at version 2, When an entry is amended, Then the amendment carries amendedSchemaVersion 2', () => {
    jest.replaceProperty(JOURNEY_SCHEMAS, 'current', { StatutoryReviewHeld: 2 });
    const [event] = given(withReview)
      .when(amendEntry('e3', { participation: 'PN2' }))
      .events();
    expect(event.data).toMatchObject({ correctedEventId: 'e3', amendedSchemaVersion: 2 });
  });

  it('Given the corrected type is at version 1, When an entry is amended, Then no amendedSchemaVersion is written (absent means 1)', () => {
    const [event] = given(withReview)
      .when(amendEntry('e3', { participation: 'PN2' }))
      .events();
    expect(event.data).not.toHaveProperty('amendedSchemaVersion');
  });

  it('Given amendments without amendedSchemaVersion of entries at version 1, When resolved, Then they are laid over as before', () => {
    const review = {
      ...reviewHeld('2024-06-05'),
      id: 'r',
      recordedAt: 'x',
      recordedBy: 'y',
    } as StoredJourneyEvent;
    const fix = {
      type: 'EntryAmended',
      id: 'f',
      recordedAt: 'x',
      recordedBy: 'y',
      data: {
        childId: CHILD,
        effectiveDate: '2024-06-05',
        correctedEventId: 'r',
        reason: 'fix',
        amendedData: { participation: 'PN4' },
      },
    } as StoredJourneyEvent;
    expect(resolveCorrections([review, fix])).toEqual([
      { ...review, data: { ...review.data, participation: 'PN4' } },
    ]);
  });
});
