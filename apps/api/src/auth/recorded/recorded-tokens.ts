import { readStreamOrEmpty, type EventStore } from '@care-journey/event-store';
import { isRecordedTokenType, TOKENS_ISSUED_STREAM } from '@care-journey/audit';

/** The least time between two reads of `tokens-issued`: a stream of unknown tokens costs a read per interval. */
export const CATCH_UP_INTERVAL_MS = 250;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The ids of the tokens recorded as issued on `tokens-issued`, for CARE_JOURNEY_TOKENS=recorded:
 * TokenIssued, written by `care-journey token` before it hands a token out, and SignedIn, written by
 * a web sign-in before it sets the session cookie (web/auth/sign-in-record.ts).
 * A request asks `has(id)`, a Set lookup: the store is never read for a token already known. Only an
 * id not known yet waits for `catchUp()`, which reads the stream from where the last read stopped. A
 * read that starts after the request arrived sees every token minted before it (the CLI records a
 * token before printing it), so a token minted while the API runs works at its first request, and
 * one still unknown after that read was not recorded. Reads are one at a time and at most one per
 * interval, shared by every request waiting, so unknown tokens cannot make the API read more often.
 * Nothing is ever removed: a record is final, and an id is 36 characters (some 10,000 tokens a MB).
 */
export class RecordedTokens {
  private readonly ids = new Set<string>();
  /** The stream's next revision to read. */
  private next = 0n;
  /** The read callers may still join: it has not started, so it will see what they were minted before. */
  private queued: Promise<void> | undefined;
  /** The read under way, or the last one (settled). */
  private running: Promise<void> = Promise.resolve();
  private lastStartedAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly store: EventStore,
    private readonly intervalMs = CATCH_UP_INTERVAL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /**
   * A token this process has just recorded itself (a web sign-in, once its SignedIn is in the
   * store): its first request needs no read. Other processes learn it from the stream.
   */
  remember(id: string): void {
    this.ids.add(id);
  }

  /** Resolves once a read that started after this call has taken in every token recorded by then. */
  catchUp(): Promise<void> {
    this.queued ??= this.readWhenAllowed();
    return this.queued;
  }

  private async readWhenAllowed(): Promise<void> {
    await this.running.catch(() => undefined);
    const wait = this.lastStartedAt + this.intervalMs - this.now();
    if (wait > 0) await sleep(wait);
    // Started: whoever asks from now on may have a token recorded after this read began.
    this.queued = undefined;
    this.lastStartedAt = this.now();
    this.running = this.readNew();
    return this.running;
  }

  private async readNew(): Promise<void> {
    for await (const event of readStreamOrEmpty(this.store, TOKENS_ISSUED_STREAM, {
      fromRevision: this.next,
    })) {
      const tokenId = event.data['tokenId'];
      if (isRecordedTokenType(event.type) && typeof tokenId === 'string') this.ids.add(tokenId);
      this.next = event.revision + 1n;
    }
  }
}
