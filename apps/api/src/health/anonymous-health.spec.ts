import type { ProjectionLag, RebuildProgress } from '@care-journey/projections';
import { anonymousProjectionHealth } from './anonymous-health';

const rebuild: RebuildProgress = {
  state: 'done',
  generation: 3,
  eventsDone: 1038,
  position: '1038',
  head: '1038',
  percent: 100,
  eventsPerSecond: 41520,
  threads: 1,
  etaSeconds: 0,
  startedAt: '2026-11-27T09:14:02.112Z',
  finishedAt: '2026-11-27T09:14:02.137Z',
  durationSeconds: 0.025,
  by: { process: 'cli', pid: 48211 },
};

describe('anonymousProjectionHealth', () => {
  it('Given the projections’ health, Then an anonymous caller gets lag and states without positions or event counts', () => {
    const lag: ProjectionLag = {
      checkpoint: '1040',
      head: '1042',
      lag: '2',
      generation: 3,
      projector: 'running',
      rebuild,
      rebuilding: { ...rebuild, state: 'running', percent: 40 },
    };
    expect(anonymousProjectionHealth(lag)).toEqual({
      lag: '2',
      generation: 3,
      projector: 'running',
      rebuild: {
        state: 'done',
        generation: 3,
        percent: 100,
        threads: 1,
        etaSeconds: 0,
        startedAt: rebuild.startedAt,
        finishedAt: rebuild.finishedAt,
        durationSeconds: 0.025,
        by: rebuild.by,
      },
      rebuilding: expect.objectContaining({ state: 'running', percent: 40 }),
    });
    expect(anonymousProjectionHealth(lag).rebuilding).not.toHaveProperty('position');
  });

  it('Given a projector stuck on an event, Then an anonymous caller gets the times, the attempts, the event type and the error name, not the id, stream or position', () => {
    const lag: ProjectionLag = {
      checkpoint: '1040',
      head: '1042',
      lag: '2',
      generation: 3,
      projector: 'failed',
      failure: {
        attempts: 4,
        since: '2026-11-28T02:00:00.000Z',
        lastAttemptAt: '2026-11-28T02:00:07.000Z',
        nextAttemptAt: '2026-11-28T02:00:15.000Z',
        event: {
          id: 'e-41',
          type: 'StatutoryReviewHeld',
          streamId: 'journey-c-7f3a',
          revision: '2',
          globalPosition: '1041',
        },
        error: {
          name: 'UnreadableEventSchema',
          message: 'Event StatutoryReviewHeld (id e-41, stream journey-c-7f3a…',
        },
      },
    };
    expect(anonymousProjectionHealth(lag).failure).toEqual({
      attempts: 4,
      since: '2026-11-28T02:00:00.000Z',
      lastAttemptAt: '2026-11-28T02:00:07.000Z',
      nextAttemptAt: '2026-11-28T02:00:15.000Z',
      event: { type: 'StatutoryReviewHeld' },
      error: { name: 'UnreadableEventSchema' },
    });
  });
});
