import type { ProjectorFailure } from '@care-journey/projections';
import type { ApiProjectionLag } from '../projections/live-projection';
import { newerEventSchemaReason } from './newer-event-schema';
import { projectionHealthStatus } from './projection-health-status';

const stuck = (error: ProjectorFailure['error'], type = 'StatutoryReviewHeld'): ApiProjectionLag => ({
  checkpoint: '40',
  head: '42',
  lag: '2',
  generation: 1,
  projector: 'failed',
  mode: 'thread',
  failure: {
    attempts: 3,
    since: '2026-11-28T02:00:00.000Z',
    lastAttemptAt: '2026-11-28T02:00:03.000Z',
    event: { id: 'e-7', type, streamId: 'journey-c1', revision: '4', globalPosition: '41' },
    error,
  },
});

const unreadable = (
  reason: 'newer' | 'malformed' | 'no-upcaster',
  field = 'metadata.schemaVersion',
  dataType = 'StatutoryReviewHeld',
) => ({
  name: 'UnreadableEventSchema',
  message: 'Event StatutoryReviewHeld (id e-7 …): metadata.schemaVersion 2 is newer than this code knows …',
  schema: { reason, field, dataType, version: 2, readable: 1 },
});

describe('GET /health/projections: reason newer-event-schema (ops review s12 F14)', () => {
  it('Given the projector stuck on an event a newer build wrote, Then 503 with reason newer-event-schema naming the type and both versions', () => {
    const lag = stuck(unreadable('newer'));
    expect(projectionHealthStatus(lag)).toBe(503);
    expect(newerEventSchemaReason(lag)).toEqual({
      reason: 'newer-event-schema',
      newerEventSchema: {
        eventType: 'StatutoryReviewHeld',
        dataType: 'StatutoryReviewHeld',
        field: 'metadata.schemaVersion',
        version: 2,
        readable: 1,
      },
    });
  });

  it("Given it stuck on an amendment at a newer amendedSchemaVersion, Then the reason names the amendment's field and the corrected entry's type", () => {
    expect(
      newerEventSchemaReason(
        stuck(unreadable('newer', 'amendedSchemaVersion', 'GoingHomeAuditCompleted'), 'EntryAmended'),
      )?.newerEventSchema,
    ).toMatchObject({
      eventType: 'EntryAmended',
      dataType: 'GoingHomeAuditCompleted',
      field: 'amendedSchemaVersion',
    });
  });

  it('Given a malformed version, a missing upcaster, another failure or none, Then no such reason (a defect, not an upgrade)', () => {
    expect(newerEventSchemaReason(stuck(unreadable('malformed')))).toBeUndefined();
    expect(newerEventSchemaReason(stuck(unreadable('no-upcaster')))).toBeUndefined();
    expect(newerEventSchemaReason(stuck({ name: 'Error', message: 'withheld' }))).toBeUndefined();
    const { failure: _failure, ...running } = stuck(unreadable('newer'));
    expect(newerEventSchemaReason({ ...running, projector: 'running' })).toBeUndefined();
  });
});
