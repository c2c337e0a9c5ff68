import { Inject, Injectable } from '@nestjs/common';
import { recordCaseHistoryRead, type CaseHistoryReadData } from '@care-journey/audit';
import type { EventStore } from '@care-journey/event-store';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Clock } from '../infrastructure/clock';
import { EVENT_STORE } from '../infrastructure/event-store.provider';

/**
 * Records a case-history read in the event log (libs/audit recordCaseHistoryRead).
 * The only writer of the trail: no route accepts trail entries from a client.
 */
@Injectable()
export class AccessLogRecorder {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
  ) {}

  record(
    user: AuthenticatedUser,
    read: Omit<CaseHistoryReadData, 'role'>,
    correlationId?: string,
  ): Promise<void> {
    return recordCaseHistoryRead(this.store, {
      ...read,
      role: user.role,
      readBy: user.id,
      readAt: this.clock.now(),
      correlationId,
    });
  }
}
