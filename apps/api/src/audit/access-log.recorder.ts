import { Inject, Injectable } from '@nestjs/common';
import {
  type AuditKey,
  type CaseHistoryReadData,
  type ListRead,
  listReadEntries,
  recordCaseHistoryRead,
  searchWithoutUnmatchedTerm,
} from '@care-journey/audit';
import type { EventStore } from '@care-journey/event-store';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { Clock } from '../infrastructure/clock';
import { EVENT_STORE } from '../infrastructure/event-store.provider';
import { AUDIT_KEY } from './audit-key.provider';

/**
 * Records a case-history read, or a list of children by name, in the event log (libs/audit
 * recordCaseHistoryRead).
 * The only writer of the trail: no route accepts trail entries from a client.
 */
@Injectable()
export class AccessLogRecorder {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly clock: Clock,
    @Inject(AUDIT_KEY) private readonly auditKey: AuditKey,
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

  /**
   * A list of children shown by name (search results, the drift report): one entry per request
   * with the ids shown (longer lists than an entry holds: see MAX_CHILD_IDS_PER_ENTRY). A search
   * that found no one keeps a keyed hash of its words, not the words (libs/audit search-term.ts).
   */
  async recordList(user: AuthenticatedUser, read: ListRead, correlationId?: string): Promise<void> {
    const readAt = this.clock.now();
    for (const entry of listReadEntries(searchWithoutUnmatchedTerm(read, this.auditKey)))
      await recordCaseHistoryRead(this.store, {
        ...entry,
        role: user.role,
        readBy: user.id,
        readAt,
        correlationId,
      });
  }
}
