import {
  AccessDeniedError,
  START,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type Position,
} from '@eventstore/db-client';
import { backoffDelay, type BackoffPolicy } from '../backoff';
import type {
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionHandlers,
} from '../event-store.port';
import { InvalidPosition } from '../errors';
import { WakeableSleep } from '../wakeable-sleep';
import { matchesFilter, toServerFilter } from './esdb-filter';
import type { EsdbClient } from './esdb-client';
import { fromResolved, mapReadAllError, toEsdbPosition } from './esdb-mapping';

/**
 * Failures no retry can mend: a start the server never handed out, or a user without read rights on
 * $all. The subscription stops with onError instead of logging "unavailable" forever.
 */
function isPermanent(error: unknown): boolean {
  return error instanceof InvalidPosition || error instanceof AccessDeniedError;
}

type Item = { kind: 'event'; event: RecordedEvent } | { kind: 'checkpoint'; position: Position };

/**
 * Whether a server checkpoint may become the resume position. The events of $all each have their own
 * position with commit = prepare; a checkpoint with a different prepare is not one of them. KurrentDB
 * #4970 (servers before the fixes #4990 in 24.10 and #4991 in 25.0) sends, after an empty page at the
 * end of the log, a checkpoint at the log's end with prepare 0: the next event appended gets that
 * commit position, so resuming after it would skip that event.
 */
function isEventPosition(position: Position): boolean {
  return position.prepare === position.commit;
}

/** Pause the gRPC stream above this many queued items, resume below the low mark. */
const HIGH_WATER = 512;
const LOW_WATER = 64;

/**
 * Catch-up subscription to $all. Events are queued from the client stream and handed to the
 * handler one at a time; when the stream errors or ends while we still want events, we
 * resubscribe from the last position handled, with backoff. A handler error stops everything.
 *
 * Two cursors (review s18-es F1): `lastDelivered` is the last event handed to the handler, the only
 * one that decides "already handled"; `resumeFrom` is where a resubscription starts, the last event
 * delivered or a later server checkpoint (past the events the filter skipped). A checkpoint never
 * makes an event count as delivered: a checkpoint the server got wrong costs a rescan, never an event.
 */
export class EsdbCatchUpSubscription implements Subscription {
  private stopped = false;
  private handlerFailed = false;
  private lastDelivered: bigint | undefined;
  private resumeFrom: bigint | undefined;
  private readonly queue: Item[] = [];
  private readonly sleeper = new WakeableSleep();
  private current: AllStreamSubscription | undefined;
  private ended: { error: unknown } | undefined;
  private caughtUpPending = false;
  private readonly done: Promise<void>;

  constructor(
    private readonly client: Pick<EsdbClient, 'subscribeToAll'>,
    private readonly options: SubscribeOptions,
    private readonly handlers: SubscriptionHandlers,
    private readonly backoff: BackoffPolicy,
    onEnded: () => void,
  ) {
    this.lastDelivered = options.fromPosition;
    this.resumeFrom = options.fromPosition;
    this.done = this.run().finally(onEnded);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.sleeper.wakeUp();
    await this.done;
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (!this.stopped) {
      const delivered = await this.consumeOnce();
      if (this.stopped || this.handlerFailed) return;
      if (isPermanent(this.ended?.error)) return this.fail(this.ended?.error);
      attempt = delivered > 0 ? 1 : attempt + 1;
      const delay = backoffDelay(attempt, this.backoff);
      this.handlers.onRetry?.(
        this.ended?.error ?? new Error('EventStoreDB subscription ended'),
        attempt,
        delay,
      );
      await this.sleeper.sleep(delay);
    }
  }

  /** One server subscription, from the last handled position, until it ends or we stop. */
  private async consumeOnce(): Promise<number> {
    this.queue.length = 0;
    this.ended = undefined;
    this.caughtUpPending = false;
    const subscription = this.open();
    let delivered = 0;
    try {
      while (!this.stopped) {
        const item = this.queue.shift();
        if (item) {
          if (item.kind === 'checkpoint') this.advance(item.position);
          else if (await this.deliver(item.event)) delivered += 1;
          else return delivered;
          continue;
        }
        if (subscription.isPaused() && !this.ended) subscription.resume();
        // Report caught-up only once everything received before the signal has been handled.
        if (this.caughtUpPending && subscription.readableLength === 0) {
          this.caughtUpPending = false;
          this.handlers.onCaughtUp?.(this.resumeFrom);
        }
        if (this.ended) return delivered;
        await this.sleeper.sleep(1_000);
      }
      return delivered;
    } finally {
      this.current = undefined;
      subscription.removeAllListeners();
      subscription.on('error', () => undefined); // late errors after unsubscribe are expected
      await subscription.unsubscribe().catch(() => undefined);
    }
  }

  private open(): AllStreamSubscription {
    const subscription: AllStreamSubscription = this.client.subscribeToAll({
      fromPosition: this.resumeFrom === undefined ? START : toEsdbPosition(this.resumeFrom),
      filter: toServerFilter(this.options.filter, (position: Position) =>
        this.checkpointAfterBuffered(subscription, position),
      ),
    });
    this.current = subscription;
    subscription.on('data', (resolved: AllStreamResolvedEvent) => {
      const event = fromResolved(resolved);
      if (event && matchesFilter(event, this.options.filter)) this.push({ kind: 'event', event });
    });
    subscription.on('caughtUp', () => {
      this.caughtUpPending = true;
      this.sleeper.wakeUp();
    });
    subscription.on('error', (error: Error) => this.end(mapReadAllError(error, this.resumeFrom)));
    subscription.on('end', () => this.end(new Error('EventStoreDB subscription ended by the server')));
    return subscription;
  }

  /**
   * The client calls checkpointReached when the server's checkpoint arrives, but events it passed on
   * before may still sit in its buffer (the stream is paused): the checkpoint is queued after them,
   * or advancing to it would drop them as already handled. The client awaits this, so no later
   * event overtakes it.
   */
  private async checkpointAfterBuffered(
    subscription: AllStreamSubscription,
    position: Position,
  ): Promise<void> {
    while (subscription.readableLength > 0 && this.current === subscription && !this.ended) {
      await new Promise<void>((resolve) => {
        const settle = (): void => {
          subscription.off('data', settle).off('close', settle);
          resolve();
        };
        subscription.on('data', settle).on('close', settle);
      });
    }
    if (this.current === subscription && !this.ended) this.push({ kind: 'checkpoint', position });
  }

  private push(item: Item): void {
    this.queue.push(item);
    if (this.queue.length >= HIGH_WATER) this.current?.pause();
    this.sleeper.wakeUp();
  }

  private end(error: unknown): void {
    if (!this.ended) this.ended = { error };
    this.sleeper.wakeUp();
  }

  /** Stops for good and reports why (a handler error, or a permanent failure of the server's). */
  private fail(error: unknown): void {
    this.stopped = true;
    if (this.handlers.onError) this.handlers.onError(error);
    else console.error('Event store subscription stopped', error);
  }

  /** A checkpoint only moves where a resubscription starts; see isEventPosition for the ones refused. */
  private advance(position: Position): void {
    if (!isEventPosition(position)) return;
    if (this.resumeFrom === undefined || position.commit > this.resumeFrom) this.resumeFrom = position.commit;
  }

  /** Returns false when the handler failed (the subscription is then over). */
  private async deliver(event: RecordedEvent): Promise<boolean> {
    // A resubscription may replay the event at the resume position: never deliver twice.
    if (this.lastDelivered !== undefined && event.globalPosition <= this.lastDelivered) return true;
    try {
      await this.handlers.onEvent(event);
    } catch (error) {
      this.handlerFailed = true;
      this.fail(error);
      return false;
    }
    this.lastDelivered = event.globalPosition;
    if (this.resumeFrom === undefined || event.globalPosition > this.resumeFrom)
      this.resumeFrom = event.globalPosition;
    if (this.queue.length <= LOW_WATER && this.current?.isPaused()) this.current.resume();
    return true;
  }
}
