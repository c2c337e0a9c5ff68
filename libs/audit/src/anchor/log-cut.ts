import { readStamp } from '../integrity/integrity-stamp';
import type { RecordedEvent } from '../store';
import type { StreamTip } from './anchor-format';
import { isChainedStream } from './chained-streams';
import { byStreamId } from './tips-digest';

type CutEvent = Pick<RecordedEvent, 'streamId' | 'revision' | 'globalPosition' | 'metadata'>;

/** The chain hash an event carries, or null when it has no usable stamp. */
export const chainHashOf = (event: Pick<RecordedEvent, 'metadata'>): string | null => {
  const stamp = readStamp(event.metadata);
  return 'hash' in stamp ? stamp.hash : null;
};

/**
 * The log cut at a global position: how many events lie at or before it, and each chained
 * stream's last revision and hash among them. Fed the log in global order, event by event, so
 * memory grows with the streams, not the events. Events after the position are ignored.
 */
export class LogCut {
  private readonly lastOf = new Map<string, { revision: bigint; hash: string | null }>();
  private counted = 0;

  /** `covers`: the streams whose tips it keeps (every chained stream, or what an older anchor covered). */
  constructor(
    private readonly position: bigint | undefined,
    private readonly covers: (streamId: string) => boolean = isChainedStream,
  ) {}

  add(event: CutEvent): void {
    if (this.position === undefined || event.globalPosition > this.position) return;
    this.counted += 1;
    if (!this.covers(event.streamId)) return;
    const last = this.lastOf.get(event.streamId);
    // Revisions rise with positions in a sound log; keep the highest, whatever a damaged one holds.
    if (!last || event.revision >= last.revision)
      this.lastOf.set(event.streamId, { revision: event.revision, hash: chainHashOf(event) });
  }

  get events(): number {
    return this.counted;
  }

  /** Every chained stream's tip, in ascending streamId order. */
  tips(): StreamTip[] {
    return [...this.lastOf]
      .map(([streamId, { revision, hash }]): StreamTip => [streamId, revision.toString(10), hash])
      .sort(byStreamId);
  }
}
