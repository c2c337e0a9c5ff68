import { backoffDelay, type BackoffPolicy } from '../backoff';
import type {
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionHandlers,
} from '../event-store.port';
import { WakeableSleep } from '../wakeable-sleep';

/** What the subscription needs from the store: cheap head, filtered pages, and a wake-up signal. */
export interface PollingSource {
  head(): bigint | undefined;
  /** Events in (after, upTo] matching the filter, in global order, at most `limit`. */
  page(after: bigint, upTo: bigint, limit: number, options: SubscribeOptions): RecordedEvent[];
  onAppended(listener: () => void): () => void;
}

export interface PollingSettings {
  pollIntervalMs: number;
  pageSize: number;
  backoff: BackoffPolicy;
}

/**
 * Catch-up subscription over a pollable log: reads pages up to the head it just saw, then sleeps
 * until an in-process append signal or the poll interval. Handlers run one at a time, in order.
 */
export class PollingSubscription implements Subscription {
  private stopped = false;
  private readonly sleeper = new WakeableSleep();
  private readonly done: Promise<void>;

  constructor(
    private readonly source: PollingSource,
    private readonly options: SubscribeOptions,
    private readonly handlers: SubscriptionHandlers,
    private readonly settings: PollingSettings,
    onEnded: () => void,
  ) {
    const unlisten = source.onAppended(() => this.sleeper.wakeUp());
    this.done = this.run().finally(() => {
      unlisten();
      onEnded();
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.sleeper.wakeUp();
    await this.done;
  }

  private async run(): Promise<void> {
    // Positions are rowids (>= 1), so -1 means "from the very start".
    let cursor = this.options.fromPosition ?? -1n;
    let caughtUp = false;
    let attempt = 0;
    while (!this.stopped) {
      let head: bigint | undefined;
      let page: RecordedEvent[];
      try {
        head = this.source.head();
        page =
          head === undefined || head <= cursor
            ? []
            : this.source.page(cursor, head, this.settings.pageSize, this.options);
        attempt = 0;
      } catch (error) {
        attempt += 1;
        const delay = backoffDelay(attempt, this.settings.backoff);
        this.handlers.onRetry?.(error, attempt, delay);
        await this.sleeper.sleep(delay);
        continue;
      }
      for (const event of page) {
        if (this.stopped) return;
        try {
          await this.handlers.onEvent(event);
        } catch (error) {
          // Never skip: stop here so a restart from the last checkpoint retries this very event.
          this.stopped = true;
          this.reportHandlerError(error);
          return;
        }
        cursor = event.globalPosition;
      }
      if (page.length === this.settings.pageSize) {
        caughtUp = false;
        continue;
      }
      // A short page means everything up to `head` that matches the filter has been handled.
      if (head !== undefined && head > cursor) cursor = head;
      if (!caughtUp && !this.stopped) {
        caughtUp = true;
        this.handlers.onCaughtUp?.(head);
      }
      await this.sleeper.sleep(this.settings.pollIntervalMs);
    }
  }

  private reportHandlerError(error: unknown): void {
    if (this.handlers.onError) this.handlers.onError(error);
    // Without an onError handler the failure must still be visible somewhere.
    else console.error('Event store subscription stopped: handler failed', error);
  }
}
