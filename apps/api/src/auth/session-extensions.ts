import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { EventStore } from '@care-journey/event-store';
import { Clock } from '../infrastructure/clock';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import type { AuthenticatedUser } from './authenticated-user';

/**
 * Each "Stay signed in" is recorded, as a sign-out is (session-ends.ts), in the store beside the
 * session: `SessionExtended` in `session-extensions-<id>`, a stream of its own because any event in
 * `session-<id>` means the session ended. Auditors see them in `/events` as they see sign-outs.
 */
export const SESSION_EXTENSIONS_PREFIX = 'session-extensions-';
export const SESSION_EXTENDED = 'SessionExtended';

export const sessionExtensionsStream = (sessionId: string): string =>
  `${SESSION_EXTENSIONS_PREFIX}${sessionId}`;

const isoOf = (seconds: number): string => new Date(seconds * 1000).toISOString();

@Injectable()
export class SessionExtensions {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  /** Records that the session was to end at `from` and now ends at `to` (Unix seconds). */
  async record(user: AuthenticatedUser & { sessionId: string }, from: number, to: number): Promise<void> {
    const extendedAt = this.clock.now();
    await this.store.appendToStream(
      sessionExtensionsStream(user.sessionId),
      [
        {
          id: randomUUID(),
          type: SESSION_EXTENDED,
          data: {
            sessionId: user.sessionId,
            userId: user.id,
            role: user.role,
            signedInAt:
              user.sessionTimes?.signedInAt === undefined ? null : isoOf(user.sessionTimes.signedInAt),
            endedAt: isoOf(from),
            endsAt: isoOf(to),
            extendedAt,
          },
          metadata: { recordedAt: extendedAt, recordedBy: user.id, schemaVersion: 1 },
        },
      ],
      { expectedRevision: 'any' },
    );
  }
}
