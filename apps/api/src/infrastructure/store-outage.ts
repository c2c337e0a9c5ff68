import { Logger, type LoggerService } from '@nestjs/common';
import { StoreUnavailable, StoreWriterGone } from '@care-journey/event-store';

/**
 * How long after the last failed append readiness stays "not ready" when nothing has been written
 * since: long enough for a load balancer to take this instance out of rotation, short enough that
 * an instance with no traffic (so no write to prove recovery) is tried again.
 */
export const OUTAGE_HOLD_MS = 30_000;

export interface OutageState {
  reason: 'store-not-writable';
  since: string;
  lastFailureAt: string;
  error: string;
}

/**
 * Remembers that the event store refused to record (review s12-ops F4). Every read of a child or a
 * report appends its read-access trail entry first and fails closed when it cannot (the trail is
 * the record of who saw personal data), so a full disk takes reads down with writes; /health/ready
 * says so from here. Filled by the exception filters (the error path only: nothing is added to a
 * command's hot path); cleared when the log's head has moved past where it was at the first failure (a
 * later append got through), or OUTAGE_HOLD_MS after the last failure. One per app (InfrastructureModule).
 */
export class StoreOutage {
  private state: (OutageState & { lastFailureMs: number; headAtFailure?: bigint }) | undefined;
  /** This process's writer is gone (StoreWriterGone): not ready until a restart, whatever the head does. */
  private writerGone = false;

  constructor(
    /** The log's head now (the store's headPosition): noted at the first failure. */
    private readonly head: () => Promise<bigint | undefined>,
    private readonly logger: Pick<LoggerService, 'error' | 'log'> = new Logger('EventStore'),
    private readonly now: () => number = Date.now,
    /**
     * This process's writer, when it can die on its own (the SQLite writer thread): readiness asks it,
     * so a writer that died while nothing was asked answers 503 at once (review s18-diff 7).
     */
    private readonly writerGoneNow: () => StoreWriterGone | undefined = () => undefined,
  ) {}

  /** An error that reached a response: counted only when the store could not record or read. */
  noteError(error: unknown): void {
    if (!(error instanceof StoreUnavailable)) return;
    if (error instanceof StoreWriterGone && !this.writerGone) {
      this.writerGone = true;
      this.logger.error(
        `the event store's writer is gone: nothing more is recorded by this process; /health/ready answers 503 until it is restarted (${error.message})`,
      );
    }
    const at = this.now();
    if (this.state === undefined) {
      const iso = new Date(at).toISOString();
      const state: NonNullable<StoreOutage['state']> = {
        reason: 'store-not-writable',
        since: iso,
        lastFailureAt: iso,
        error: error.message,
        lastFailureMs: at,
      };
      this.state = state;
      // Reads still work on a full disk: the head now, so that any later append shows as it moving.
      this.head().then(
        (head) => (state.headAtFailure ??= head ?? -1n),
        () => undefined, // unreadable too: the outage then ends by OUTAGE_HOLD_MS alone
      );
      // The first failure of a run at ERROR (each request's own line stays a WARN): someone must act.
      this.logger.error(
        `the event store cannot record: writes, and reads that record their trail entry, answer 503; /health/ready answers 503 until it records again (${error.message})`,
      );
      return;
    }
    this.state.lastFailureMs = at;
    this.state.lastFailureAt = new Date(at).toISOString();
    this.state.error = error.message;
  }

  /** The outage as readiness reports it, given the log's head now; undefined once over. */
  current(head: bigint | undefined): OutageState | undefined {
    if (!this.writerGone) {
      const gone = this.writerGoneNow();
      if (gone) this.noteError(gone);
    }
    const state = this.state;
    if (state === undefined) return undefined;
    const moved = state.headAtFailure !== undefined && head !== undefined && head > state.headAtFailure;
    // Another process's writes move the head too: a writer gone from this one never comes back.
    if (this.writerGone) return publicState(state);
    if (moved || this.now() - state.lastFailureMs >= OUTAGE_HOLD_MS) {
      this.state = undefined;
      this.logger.log(
        moved ? 'the event store records again' : `no store failure for ${OUTAGE_HOLD_MS} ms: ready again`,
      );
      return undefined;
    }
    return publicState(state);
  }
}

function publicState({ reason, since, lastFailureAt, error }: OutageState): OutageState {
  return { reason, since, lastFailureAt, error };
}
