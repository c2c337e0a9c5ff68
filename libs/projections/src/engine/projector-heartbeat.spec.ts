import { heartbeatSeen, type ProjectorHeartbeat } from './projector-heartbeat';

const beat = (overrides: Partial<ProjectorHeartbeat> = {}): ProjectorHeartbeat => ({
  pid: 4242,
  host: 'projector-1',
  state: 'running',
  generation: 2,
  intervalMs: 5_000,
  updatedAt: '2026-11-28T08:00:00.000Z',
  ...overrides,
});
const at = (iso: string): Date => new Date(iso);

describe('heartbeatSeen: the worker projector as health reports it (review s12-ops F3)', () => {
  it('Given no heartbeat in the file, Then stale (never started on this file, or an older build)', () => {
    expect(heartbeatSeen(undefined, at('2026-11-28T08:00:00Z'), 3)).toEqual({ projector: 'stale' });
  });

  it('Given a heartbeat within 3 intervals, Then its state, with its age and the age it goes stale at', () => {
    expect(heartbeatSeen(beat(), at('2026-11-28T08:00:15.000Z'), 3)).toEqual({
      projector: 'running',
      heartbeat: { ...beat(), ageMs: 15_000, staleAfterMs: 15_000 },
    });
  });

  it('Given a heartbeat older than 3 intervals, Then stale whatever it said', () => {
    expect(heartbeatSeen(beat(), at('2026-11-28T08:00:15.001Z'), 3).projector).toBe('stale');
    expect(heartbeatSeen(beat({ updatedAt: 'garbled' }), at('2026-11-28T08:00:00Z'), 3).projector).toBe(
      'stale',
    );
  });

  it('Given a fresh heartbeat carrying a failure, Then failed even while a retry runs, as when the file holds a failure stored since the beat; given a graceful stop, Then stopped', () => {
    const failure = {
      attempts: 2,
      since: '2026-11-28T07:59:00.000Z',
      lastAttemptAt: '2026-11-28T07:59:59.000Z',
      error: { name: 'SqliteError', kind: 'storage' as const, message: 'withheld' },
    };
    const seen = heartbeatSeen(beat({ failure }), at('2026-11-28T08:00:01Z'), 3);
    expect(seen.projector).toBe('failed');
    expect(seen.heartbeat).not.toHaveProperty('failure');
    expect(heartbeatSeen(beat({ state: 'stopped' }), at('2026-11-28T08:00:01Z'), 3).projector).toBe(
      'stopped',
    );
  });
});
