import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEventStore, type EventStore } from '@care-journey/event-store';
import type { Clock } from '../infrastructure/clock';
import type { AuthenticatedUser } from './authenticated-user';
import { newSessionId, SESSION_ENDED, SessionEnds, sessionStream, SESSION_ID_PATTERN } from './session-ends';

const clock = { now: () => '2026-11-27T10:00:00.000Z' } as Clock;
const pat: AuthenticatedUser = { id: 'pat', name: 'Pat Panel', role: 'panel_member' };

describe('SessionEnds: sign-outs in the event store', () => {
  let dir: string;
  let file: string;
  const open: EventStore[] = [];
  const store = async (): Promise<EventStore> => {
    const opened = await createEventStore({ kind: 'sqlite', file, synchronous: 'NORMAL' });
    open.push(opened);
    return opened;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'session-ends-'));
    file = join(dir, 'journeys.db');
  });
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given an open session, When it is signed out, Then it is ended, in a stream of its own', async () => {
    const s = await store();
    const sessions = new SessionEnds(s, clock);
    const id = newSessionId();
    expect(id).toMatch(SESSION_ID_PATTERN);
    expect(await sessions.isEnded(id)).toBe(false);
    await sessions.end(id, pat);
    expect(await sessions.isEnded(id)).toBe(true);
    const events = [];
    for await (const e of s.readStream(sessionStream(id))) events.push(e);
    expect(sessionStream(id)).toBe(`session-${id}`);
    expect(events).toEqual([
      expect.objectContaining({
        type: SESSION_ENDED,
        data: {
          sessionId: id,
          userId: 'pat',
          role: 'panel_member',
          endedAt: clock.now(),
          reason: 'signed-out',
        },
      }),
    ]);
  });

  it("Given the user's access changed, When the session is ended for it, Then the end says so", async () => {
    const s = await store();
    const id = newSessionId();
    await new SessionEnds(s, clock).end(id, pat, 'access-changed');
    const events = [];
    for await (const e of s.readStream(sessionStream(id))) events.push(e);
    expect(events).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ reason: 'access-changed' }) }),
    ]);
    expect(await new SessionEnds(s, clock).isEnded(id)).toBe(true);
  });

  it('Given two processes on one file, When one signs a session out, Then the other refuses it too (an "open" answer is never kept)', async () => {
    const first = new SessionEnds(await store(), clock);
    const second = new SessionEnds(await store(), clock);
    const id = newSessionId();
    expect(await second.isEnded(id)).toBe(false);
    await first.end(id, pat);
    expect(await second.isEnded(id)).toBe(true);
  });

  it('Given a sign-out, When the process restarts, Then the session is still ended', async () => {
    const id = newSessionId();
    const before = await store();
    await new SessionEnds(before, clock).end(id, pat);
    await before.close();
    open.splice(open.indexOf(before), 1);
    expect(await new SessionEnds(await store(), clock).isEnded(id)).toBe(true);
  });

  it('Given a session already ended (two tabs), When it is signed out again, Then nothing changes and nothing fails', async () => {
    const s = await store();
    const id = newSessionId();
    await new SessionEnds(s, clock).end(id, pat);
    await new SessionEnds(s, clock).end(id, pat);
    const events = [];
    for await (const e of s.readStream(sessionStream(id))) events.push(e);
    expect(events).toHaveLength(1);
  });

  it('keeps an "ended" answer: the store is not read again for it', async () => {
    const s = await store();
    const sessions = new SessionEnds(s, clock);
    const id = newSessionId();
    await sessions.end(id, pat);
    const read = jest.spyOn(s, 'readStream');
    expect(await sessions.isEnded(id)).toBe(true);
    expect(read).not.toHaveBeenCalled();
  });
});
