import { verifyChain } from '@care-journey/audit';
import type { RecordedEvent } from '@care-journey/event-store';
import { correlationOf } from './stream-events';

/** One command sent to the server, and what came of it as far as the client knows. */
export interface LedgerEntry {
  correlationId: string;
  childId: string;
  /** Events the command records when it succeeds. */
  expectedEvents: number;
  /** HTTP status, or 'no answer' when the connection died first (the outcome is unknown). */
  status: number | 'no answer' | 'pending';
  eventIds: string[];
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
    const correlation = correlationOf(event) ?? '';
    byCorrelation.set(correlation, [...(byCorrelation.get(correlation) ?? []), event]);
    if (event.streamId.startsWith('journey-'))
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
    streams: byStream.size,
    events: events.length,
  };
  for (const entry of ledger) {
    const stored = byCorrelation.get(entry.correlationId) ?? [];
    if (stored.length > entry.expectedEvents) figures.duplicated += 1;
    if (entry.status === 201) {
      figures.acknowledged += 1;
      const all = entry.eventIds.every((id) => byId.get(id) === 1);
      const same =
        stored.length === entry.eventIds.length && stored.every((e) => entry.eventIds.includes(e.id));
      if (all && same) figures.found += 1;
      else figures.lost += 1;
    } else if (entry.status === 'no answer' || entry.status === 'pending') {
      if (stored.length > 0 && stored.length < entry.expectedEvents) figures.partial += 1;
      if (stored.length === entry.expectedEvents) figures.unansweredCommitted += 1;
    } else if (stored.length > 0) {
      figures.refusedButWritten += 1;
    }
  }
  for (const streamEvents of byStream.values()) {
    if (!verifyChain(streamEvents).ok) figures.brokenChains += 1;
  }
  return figures;
}
