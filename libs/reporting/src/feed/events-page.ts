/**
 * A page of the raw event log after a checkpoint, as NDJSON lines, for reporting jobs that consume
 * incrementally: each line is one event (positions and revisions as decimal strings); the last line
 * is {"checkpoint": "<position>"} to pass as `after` next time (unchanged when nothing is new).
 */
import { toJsonSafe, type EventStore, type RecordedEvent } from '@care-journey/event-store';
import { redactEvent } from './redact-event';

export interface EventsPageOptions {
  /** Exclusive: events strictly after this global position (omit to read from the start). */
  after?: bigint;
  limit: number;
  /** Withhold direct identifiers (reporting jobs). */
  redact: boolean;
}

export interface EventsPage {
  lines: string[];
  checkpoint: string;
  count: number;
}

export async function eventsPage(store: EventStore, options: EventsPageOptions): Promise<EventsPage> {
  const lines: string[] = [];
  let checkpoint = options.after?.toString() ?? '';
  for await (const event of store.readAll({ fromPosition: options.after, maxCount: options.limit })) {
    const shown: RecordedEvent = options.redact ? redactEvent(event) : event;
    lines.push(JSON.stringify(toJsonSafe(shown)));
    checkpoint = event.globalPosition.toString();
  }
  lines.push(JSON.stringify({ checkpoint }));
  return { lines, checkpoint, count: lines.length - 1 };
}
