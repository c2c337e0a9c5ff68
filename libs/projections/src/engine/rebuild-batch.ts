/**
 * How far a rebuild reads the log before applying a batch. A batch is applied child by child, and
 * a child not kept from the batch before is read back from its row (summary parsed, flags derived
 * again, view made): in a log written child by child a batch of `batchSize` events holds a few
 * children, each read back once. An authority's log is written over years with every child's
 * events mixed in time, so a batch of 1,000 events held ~1,000 children, each read back for one
 * event, and too many for the kept children (REBUILD_CHILDREN) to outlast the next batch. There
 * the batch reads on, up to `readAhead` events, so each child is read back once for several events.
 */
import type { RecordedEvent } from '@care-journey/event-store';
import { childIdOf } from './journey-event-record';
import { REBUILD_CHILDREN } from './read-model-store-child-folds';

/**
 * Most events a rebuild batch reads ahead to (each held until it is applied: the events and, in a
 * split rebuild, their rows, ~3 KB an event, so ~30 MB a thread at most). On a log of 312,000
 * events whose last 100,000 interleave 2,000 children (medians of 3, alternating A/B, load 8–18 on
 * 2 cores; the tables byte for byte): one thread CPU 36.7 → 30.5 s, peak RSS 315 → 338 MB; two
 * threads CPU 46.4 → 32.2 s, peak RSS 537 → 446 MB (far fewer children parsed and dropped). The
 * same events child by child, one thread: CPU 27.6 → 25.0 s, peak RSS 261 → 262 MB (no read-ahead).
 */
export const REBUILD_READ_AHEAD = 10_000;

/**
 * A batch with at least this many events per child, or no more children than a rebuild keeps
 * (REBUILD_CHILDREN: they outlast the next batch), is applied at `batchSize`: a log written child
 * by child, where reading on would hold more events for no fewer read-backs.
 */
export const EVENTS_PER_CHILD = 8;

export class RebuildBatch {
  events: RecordedEvent[] = [];
  private readonly children = new Set<string>();

  constructor(
    private readonly batchSize: number,
    /** Most events to read ahead to; at or below batchSize: batches of batchSize. */
    private readonly readAhead: number = REBUILD_READ_AHEAD,
  ) {}

  add(event: RecordedEvent): void {
    this.events.push(event);
    const childId = childIdOf(event);
    if (childId !== undefined) this.children.add(childId);
  }

  /** Whether to apply the batch now (else read on). */
  get full(): boolean {
    const count = this.events.length;
    if (count < this.batchSize) return false;
    return (
      count >= this.readAhead ||
      this.children.size <= REBUILD_CHILDREN ||
      count >= this.children.size * EVENTS_PER_CHILD
    );
  }

  /** The events read so far, and a fresh start. */
  take(): RecordedEvent[] {
    const events = this.events;
    this.events = [];
    this.children.clear();
    return events;
  }
}
