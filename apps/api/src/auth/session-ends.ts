import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  SESSION_ENDED,
  SESSION_ENDED_SCHEMA_VERSION,
  SESSION_STREAM_PREFIX,
  sessionStream,
  type SessionEndedData,
  type SessionEndReason,
} from '@care-journey/audit';
import { readStreamOrEmpty, WrongExpectedRevision, type EventStore } from '@care-journey/event-store';
import { Clock } from '../infrastructure/clock';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import type { AuthenticatedUser } from './authenticated-user';

/**
 * Signing out ends a web session for every API process sharing the store, durably: the sign-out
 * appends `SessionEnded` (named in libs/audit session-ended.ts; `audit tokens` lists it) to a
 * stream of its own, `session-<id>` (not a journey: journey readers keep to `journey-`). A session
 * is ended when that stream exists: one indexed stream lookup.
 * Nothing is stored for a live session, so there is nothing to clean up; a session's token
 * expires by itself after 8 hours anyway. A session whose user's role changed, or whose user was
 * removed from the directory, is ended the same way at its first request once the directory has the
 * change, within a second of the file's (reason `access-changed`).
 */
export { SESSION_ENDED, SESSION_STREAM_PREFIX, sessionStream, type SessionEndReason };
/** Session ids are the uuids the sign-in mints; anything else is refused before it names a stream. */
export const SESSION_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const newSessionId = (): string => randomUUID();

/** Ended sessions remembered per process: an end is final, so a positive answer never goes stale. */
const REMEMBERED_ENDS = 10_000;

@Injectable()
export class SessionEnds {
  /** Only "ended" answers are kept: "still open" may change at any moment in another process. */
  private readonly ended = new Set<string>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async isEnded(sessionId: string): Promise<boolean> {
    if (this.ended.has(sessionId)) return true;
    // A store that cannot answer throws: refuse (fail closed), mapped to 503. No stream: not ended.
    for await (const _ended of readStreamOrEmpty(this.store, sessionStream(sessionId), { maxCount: 1 })) {
      this.remember(sessionId);
      return true;
    }
    return false;
  }

  /**
   * Ends the session; ending it again (two tabs, a retry) changes nothing. `access-changed`: its
   * user's role in the directory is no longer the session's, or the user is gone (session-users.ts).
   */
  async end(
    sessionId: string,
    user: AuthenticatedUser,
    reason: SessionEndReason = 'signed-out',
  ): Promise<void> {
    const endedAt = this.clock.now();
    try {
      await this.store.appendToStream(
        sessionStream(sessionId),
        [
          {
            id: randomUUID(),
            type: SESSION_ENDED,
            data: { sessionId, userId: user.id, role: user.role, endedAt, reason } satisfies SessionEndedData,
            metadata: {
              recordedAt: endedAt,
              recordedBy: user.id,
              schemaVersion: SESSION_ENDED_SCHEMA_VERSION,
            },
          },
        ],
        { expectedRevision: 'no_stream' },
      );
    } catch (error) {
      if (!(error instanceof WrongExpectedRevision)) throw error;
    }
    this.remember(sessionId);
  }

  private remember(sessionId: string): void {
    if (this.ended.size >= REMEMBERED_ENDS) {
      const oldest = this.ended.values().next();
      if (!oldest.done) this.ended.delete(oldest.value);
    }
    this.ended.add(sessionId);
  }
}
