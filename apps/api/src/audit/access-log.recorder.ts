import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  accessLogStream,
  caseHistoryReadEvent,
  chainEvents,
  expectedRevisionAt,
  readChainTip,
  type CaseHistoryReadData,
} from '@care-journey/audit';
import { WrongExpectedRevision, type EventStore } from '@care-journey/event-store';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Clock } from '../infrastructure/clock';
import { EVENT_STORE } from '../infrastructure/event-store.provider';

const ATTEMPTS = 5;

/**
 * Appends one CaseHistoryRead to today's access-log stream, hash-chained like a journey.
 * Readers share the stream, so a clash with another read is retried at the new tip.
 * The only writer of the trail: no route accepts trail entries from a client.
 */
@Injectable()
export class AccessLogRecorder {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  async record(user: AuthenticatedUser, read: Omit<CaseHistoryReadData, 'role'>, correlationId?: string): Promise<void> {
    const readAt = this.clock.now();
    const stream = accessLogStream(readAt);
    const event = caseHistoryReadEvent({ ...read, role: user.role, id: randomUUID(), readBy: user.id, readAt, correlationId });
    for (let attempt = 1; ; attempt += 1) {
      const tip = await readChainTip(this.store, stream);
      try {
        await this.store.appendToStream(stream, chainEvents(tip, [event]), { expectedRevision: expectedRevisionAt(tip) });
        return;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevision) || attempt >= ATTEMPTS) throw error;
      }
    }
  }
}
