/**
 * A page of the raw event log after a checkpoint, as NDJSON lines, for reporting jobs that consume
 * incrementally: each line is one event (positions and revisions as decimal strings); the last line
 * is {"checkpoint": "<position>"} to pass as `after` next time (unchanged when nothing is new).
 */
import { toJsonSafe, type EventStore, type RecordedEvent } from '@care-journey/event-store';
import { JOURNEY_STREAM_PREFIX } from '@care-journey/journey';
import { redactEvent } from './redact-event';

export interface EventsPageOptions {
  /** Exclusive: events strictly after this global position (omit to read from the start). */
  after?: bigint;
  limit: number;
  /**
   * Withhold direct identifiers (reporting jobs), and show journey events only: the read-access
   * trail (who read which child's history, and why) is the auditors' (GET /audit/access-log).
   */
  redact: boolean;
}

export interface EventsPage {
  lines: string[];
  checkpoint: string;
  count: number;
  /** Events of children's journeys on the page (what makes reading it a read of case records). */
  journeyEvents: number;
  /** The children whose events are on the page, once each, in log order (for the read-access trail). */
  childIds: string[];
}

export async function eventsPage(store: EventStore, options: EventsPageOptions): Promise<EventsPage> {
  const lines: string[] = [];
  // An empty log gives "0", the start, which `after` takes back (review s14 F4; "" was a 400).
  let checkpoint = options.after?.toString() ?? '0';
  let journeyEvents = 0;
  const childIds = new Set<string>();
  for await (const event of store.readAll({ fromPosition: options.after, maxCount: options.limit })) {
    // The checkpoint moves past a left-out event too, so the next page does not read it again.
    checkpoint = event.globalPosition.toString();
    const journey = event.streamId.startsWith(JOURNEY_STREAM_PREFIX);
    if (options.redact && !journey) continue;
    if (journey) {
      journeyEvents += 1;
      childIds.add(event.streamId.slice(JOURNEY_STREAM_PREFIX.length));
    }
    const shown: RecordedEvent = options.redact ? redactEvent(event) : event;
    lines.push(JSON.stringify(toJsonSafe(shown)));
  }
  lines.push(JSON.stringify({ checkpoint }));
  return { lines, checkpoint, count: lines.length - 1, journeyEvents, childIds: [...childIds] };
}
