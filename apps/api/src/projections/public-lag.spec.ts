import type { ApiProjectionLag } from './live-projection';
import { withoutErrorTexts } from './public-lag';

describe('withoutErrorTexts (the public projection health)', () => {
  const failed: ApiProjectionLag = {
    checkpoint: '10',
    head: '12',
    lag: '2',
    generation: 1,
    projector: 'failed',
    mode: 'thread',
    thread: {
      restarts: 1,
      error: 'SQLITE_CONSTRAINT: UNIQUE constraint failed: child_changes_g1.id',
      lastDeath: { at: '2026-11-27T10:00:00.000Z', error: 'thread died reading /srv/care/read-models.db' },
    },
  };

  it('Given a failed thread, Then positions, states, counts and times are kept and every error text is withheld', () => {
    const shown = withoutErrorTexts(failed);
    expect(shown).toMatchObject({
      checkpoint: '10',
      head: '12',
      lag: '2',
      projector: 'failed',
      mode: 'thread',
    });
    expect(shown.thread?.restarts).toBe(1);
    expect(shown.thread?.lastDeath?.at).toBe('2026-11-27T10:00:00.000Z');
    expect(JSON.stringify(shown)).not.toMatch(/child_changes|\/srv\/care|SQLITE/);
    expect(shown.thread?.error).toMatch(/withheld.*GET \/admin\/projections/);
  });

  it('Given a failed rebuild, Then its error text is withheld and its progress kept', () => {
    const rebuilding: ApiProjectionLag = {
      ...failed,
      thread: undefined,
      rebuilding: {
        state: 'failed',
        generation: 2,
        eventsDone: 5,
        position: '5',
        head: '12',
        percent: 41,
        eventsPerSecond: 0,
        threads: 1,
        etaSeconds: null,
        startedAt: '2026-11-27T10:00:00.000Z',
        by: { process: 'api', pid: 4242 },
        error: 'disk full writing /srv/care/read-models.db',
      },
    };
    const shown = withoutErrorTexts(rebuilding);
    expect(shown.rebuilding).toMatchObject({ state: 'failed', error: 'withheld', eventsDone: 5 });
    expect(JSON.stringify(shown)).not.toContain('/srv/care');
  });

  it("Given another process's running rebuild, Then its progress is kept and its host left out", () => {
    const elsewhere: ApiProjectionLag = {
      ...failed,
      thread: undefined,
      rebuilding: {
        state: 'running',
        phase: 'replay',
        generation: 2,
        eventsDone: 5,
        position: '5',
        head: '12',
        percent: 41,
        eventsPerSecond: 100,
        threads: 1,
        etaSeconds: 1,
        startedAt: '2026-11-27T10:00:00.000Z',
        by: { process: 'cli', pid: 4242 },
        updatedAt: '2026-11-27T10:00:01.000Z',
        host: 'care-db-01',
      },
    };
    const shown = withoutErrorTexts(elsewhere);
    expect(shown.rebuilding).toMatchObject({ state: 'running', phase: 'replay', by: { pid: 4242 } });
    expect(shown.rebuilding).not.toHaveProperty('host');
    expect(elsewhere.rebuilding).toHaveProperty('host', 'care-db-01'); // the admin's copy is untouched
  });

  it('Given a healthy projector, Then the answer is unchanged', () => {
    const healthy: ApiProjectionLag = { ...failed, projector: 'running', thread: { restarts: 0 } };
    expect(withoutErrorTexts(healthy)).toEqual(healthy);
  });

  it('Given a projector stuck on an event, Then the event and the error name stay, the whole error text is withheld', () => {
    const stuck: ApiProjectionLag = {
      ...failed,
      failure: {
        attempts: 3,
        since: '2026-11-27T10:00:00.000Z',
        lastAttemptAt: '2026-11-27T10:00:03.000Z',
        event: { id: 'e-9', type: 'PlacementChanged', streamId: 'journey-c1', globalPosition: '11' },
        error: { name: 'TypeError', message: 'withheld', detail: "TypeError: cannot read 'Jane Doe'" },
      },
    };
    const shown = withoutErrorTexts(stuck);
    expect(shown.failure).toEqual({ ...stuck.failure, error: { name: 'TypeError', message: 'withheld' } });
    expect(JSON.stringify(shown)).not.toContain('Jane Doe');
  });
});
