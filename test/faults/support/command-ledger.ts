import { verifyChain } from '@care-journey/audit';
import type { RecordedEvent } from '@care-journey/event-store';
import { correlationOf } from './stream-events';

/** What one send of a command got back. */
export interface SendOutcome {
  status: number | 'no answer';
  eventIds: string[];
}

/** One command sent to the server, and what came of it as far as the client knows. */
export interface LedgerEntry {
  correlationId: string;
  childId: string;
  /** Events the command records when it succeeds. */
  expectedEvents: number;
  /** HTTP status, or 'no answer' when the connection died first (the outcome is unknown). */
  status: number | 'no answer' | 'pending';
  eventIds: string[];
  /** The Idempotency-Key it was sent with (clients that retry). */
  idempotencyKey?: string;
  /** Each send again, same key and body, after no answer (the last one is the command's outcome). */
  retries?: SendOutcome[];
  /** Ids stored for it when its last retry was sent (noted after each kill): what that retry must answer. */
  storedBeforeRetry?: string[];
}

export interface LedgerFigures {
  sent: number;
  acknowledged: number;
  /** Acknowledged commands whose events are all in the store exactly once. */
  found: number;
  /** Events stored more than once, or commands whose events were stored twice. */
  duplicated: number;
  /** Acknowledged commands with an event missing. */
  lost: number;
  /** Unanswered commands that did commit (allowed: the kill came after the commit). */
  unansweredCommitted: number;
  /** Unanswered or refused commands with only some of their events stored (must be 0). */
  partial: number;
  /** Refused commands (4xx/5xx) with any event stored (must be 0). */
  refusedButWritten: number;
  /** Streams whose hash chain does not verify (must be 0). */
  brokenChains: number;
  /** Retry requests sent (same Idempotency-Key and body), and the commands they were for. */
  retries: number;
  retriedCommands: number;
  /** Retried commands that had committed: answered 201 with the events already stored. */
  replayed: number;
  /** Retried commands that had not committed: recorded by the retry. */
  recordedOnRetry: number;
  /** Retries answered with other event ids than those stored before them (must be 0). */
  retryAnswerDiffers: number;
  /** Commands whose last send is still unanswered. */
  stillUnanswered: number;
  streams: number;
  events: number;
}

/** Checks the store against the ledger: the whole guarantee in one pass over the log. */
export function checkLedger(ledger: readonly LedgerEntry[], events: readonly RecordedEvent[]): LedgerFigures {
  const byId = new Map<string, number>();
  const byCorrelation = new Map<string, RecordedEvent[]>();
  const byStream = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    byId.set(event.id, (byId.get(event.id) ?? 0) + 1);
    // A command's journey events only: since session 18 the 903-reference and UPN reservations a
    // registration writes carry its correlation id too (review s18-es F6), in their own streams.
    if (!event.streamId.startsWith('journey-')) continue;
    const correlation = correlationOf(event) ?? '';
    byCorrelation.set(correlation, [...(byCorrelation.get(correlation) ?? []), event]);
    byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event]);
  }
  const figures: LedgerFigures = {
    sent: ledger.length,
    acknowledged: 0,
    found: 0,
    duplicated: [...byId.values()].filter((n) => n > 1).length,
    lost: 0,
    unansweredCommitted: 0,
    partial: 0,
    refusedButWritten: 0,
    brokenChains: 0,
    retries: 0,
    retriedCommands: 0,
    replayed: 0,
    recordedOnRetry: 0,
    retryAnswerDiffers: 0,
    stillUnanswered: 0,
    streams: byStream.size,
    events: events.length,
  };
  for (const entry of ledger) {
    const stored = byCorrelation.get(entry.correlationId) ?? [];
    // A retried command (same correlation id and key) counts once, with its last answer as outcome.
    const { status, eventIds } = entry.retries?.at(-1) ?? entry;
    const before = entry.storedBeforeRetry;
    if (stored.length > entry.expectedEvents) figures.duplicated += 1;
    if (entry.retries) {
      figures.retries += entry.retries.length;
      figures.retriedCommands += 1;
      // Unanswered when sent, and what the store held when it was sent again.
      if (before && before.length > 0 && before.length < entry.expectedEvents) figures.partial += 1;
      if (before?.length === entry.expectedEvents) figures.unansweredCommitted += 1;
      if (status === 201 && before?.length) {
        figures.replayed += 1;
        if (eventIds.join() !== before.join()) figures.retryAnswerDiffers += 1;
      } else if (status === 201) figures.recordedOnRetry += 1;
    }
    if (status === 201) {
      figures.acknowledged += 1;
      const all = eventIds.every((id) => byId.get(id) === 1);
      const same = stored.length === eventIds.length && stored.every((e) => eventIds.includes(e.id));
      if (all && same) figures.found += 1;
      else figures.lost += 1;
    } else if (status === 'no answer' || status === 'pending') {
      figures.stillUnanswered += 1;
      if (stored.length > 0 && stored.length < entry.expectedEvents) figures.partial += 1;
      if (stored.length === entry.expectedEvents && !entry.retries) figures.unansweredCommitted += 1;
    } else if (stored.length > 0) {
      figures.refusedButWritten += 1;
    }
  }
  for (const streamEvents of byStream.values()) {
    if (!verifyChain(streamEvents).ok) figures.brokenChains += 1;
  }
  return figures;
}

/**
 * Before clients send their unanswered commands again: notes what the store holds for each, so
 * the check can tell a retry that answered the original outcome from one that recorded it.
 */
export function noteStoredBeforeRetry(
  ledger: readonly LedgerEntry[],
  events: readonly RecordedEvent[],
): void {
  const byCorrelation = new Map<string, string[]>();
  for (const event of events) {
    const correlation = correlationOf(event);
    // Journey events only, as checkLedger counts them (reservations share the correlation id).
    if (correlation !== undefined && event.streamId.startsWith('journey-'))
      byCorrelation.set(correlation, [...(byCorrelation.get(correlation) ?? []), event.id]);
  }
  for (const entry of ledger) {
    const { status } = entry.retries?.at(-1) ?? entry;
    if (entry.idempotencyKey !== undefined && status === 'no answer')
      entry.storedBeforeRetry = byCorrelation.get(entry.correlationId) ?? [];
  }
}
