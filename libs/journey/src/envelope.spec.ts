import { JOURNEY_SCHEMA_VERSION, type JourneyEvent } from './events';
import { fromStoredEnvelope, journeyEnvelope } from './envelope';

describe('journeyEnvelope', () => {
  const event: JourneyEvent = {
    type: 'StatutoryReviewHeld',
    data: { childId: 'c1', effectiveDate: '2024-06-03', participation: 'PN1' },
  };

  it('given a decided event, when enveloped, then it carries the id, a copy of the data and the recording metadata', () => {
    const envelope = journeyEnvelope(event, 'e1', {
      now: '2024-06-04T10:00:00Z',
      recordedBy: 'alice',
      correlationId: 'r1',
    });
    expect(envelope).toEqual({
      id: 'e1',
      type: 'StatutoryReviewHeld',
      data: { childId: 'c1', effectiveDate: '2024-06-03', participation: 'PN1' },
      metadata: {
        recordedAt: '2024-06-04T10:00:00Z',
        recordedBy: 'alice',
        correlationId: 'r1',
        schemaVersion: JOURNEY_SCHEMA_VERSION,
      },
    });
    expect(envelope.data).not.toBe(event.data);
  });

  it('given no correlation or causation, then the metadata has no such keys (they are not hashed as undefined)', () => {
    const envelope = journeyEnvelope(event, 'e1', { now: '2024-06-04T10:00:00Z', recordedBy: 'alice' });
    expect(Object.keys(envelope.metadata).sort()).toEqual(['recordedAt', 'recordedBy', 'schemaVersion']);
  });
});

describe('fromStoredEnvelope', () => {
  const stored = {
    id: 'e1',
    type: 'StatutoryReviewHeld',
    data: { childId: 'c1', effectiveDate: '2024-06-03', participation: 'PN1' },
    metadata: { recordedAt: '2024-06-04T10:00:00Z', recordedBy: 'alice', schemaVersion: 1 },
    revision: 3n,
    globalPosition: 42n,
  };

  it('given a stored event, then the domain sees its type, data, recording metadata and positions', () => {
    expect(fromStoredEnvelope(stored)).toEqual({
      type: 'StatutoryReviewHeld',
      data: stored.data,
      id: 'e1',
      recordedAt: '2024-06-04T10:00:00Z',
      recordedBy: 'alice',
      revision: 3n,
      globalPosition: 42n,
    });
  });

  it('given positions: false, then no bigint is left (the event can be serialised as JSON)', () => {
    expect(() => JSON.stringify(fromStoredEnvelope(stored, { positions: false }))).not.toThrow();
  });
});
