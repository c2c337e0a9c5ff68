import { StreamNotFound } from '../errors';
import type { ReadStreamOptions, RecordedEvent } from '../event-store.port';
import type { LocateId } from '../stored-ids';

/** Streams whose ids are kept between appends (least recently used dropped first). */
const STREAMS_KEPT = 256;

interface Known {
  /** Revision of the last event read. */
  through: bigint;
  where: Map<string, readonly [bigint, bigint]>;
}

export interface StoredIds {
  /** The stream's last revision. */
  current: bigint;
  locate: LocateId;
}

type ReadStream = (stream: string, options?: ReadStreamOptions) => AsyncIterable<RecordedEvent>;

/**
 * The ids a stream holds, with their revision and position, for the adapter's DuplicateEventIds
 * check. Stored events never change, so what was read once is kept and only newer events are read
 * next time: a long stream (a day's access log) is not read whole on every append.
 */
export class StreamIds {
  private readonly known = new Map<string, Known>();

  constructor(private readonly read: ReadStream) {}

  /** Undefined when the stream does not exist. */
  async of(stream: string): Promise<StoredIds | undefined> {
    const kept = this.known.get(stream);
    const known: Known = kept ?? { through: -1n, where: new Map() };
    try {
      for await (const event of this.read(stream, { fromRevision: known.through + 1n })) {
        known.where.set(event.id, [event.revision, event.globalPosition]);
        // Two appends to one stream may read at once: the mark only moves forwards.
        if (event.revision > known.through) known.through = event.revision;
      }
    } catch (error) {
      if (!(error instanceof StreamNotFound)) throw error;
      this.known.delete(stream);
      return undefined;
    }
    if (known.through < 0n) return undefined;
    this.keep(stream, known);
    return { current: known.through, locate: (id) => known.where.get(id) };
  }

  private keep(stream: string, known: Known): void {
    this.known.delete(stream); // re-inserted last: the most recently used
    this.known.set(stream, known);
    if (this.known.size > STREAMS_KEPT) this.known.delete(this.known.keys().next().value as string);
  }
}
