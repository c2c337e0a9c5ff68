import type { AppendOptions, AppendResult, ExpectedRevision } from '../event-store.port';
import type { SerializedEvent } from './sqlite-commit';

/** One caller's append waiting for the next shared commit. */
export interface PendingAppend {
  stream: string;
  events: SerializedEvent[];
  expected: ExpectedRevision;
  onlyIf?: AppendOptions['onlyIf'];
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/**
 * Collects the appends made while the writer is busy and hands them to `commit` together, so
 * they share one transaction and one fsync. The first append schedules a flush with setImmediate:
 * handlers reach appendToStream through microtasks only (reads are synchronous), so the flush
 * sees every append of the requests read in that poll phase. With a writer thread, one group is
 * in flight at a time; appends made meanwhile (the event loop keeps serving requests during the
 * fsync) wait and form the next group as soon as it settles. `commit` settles every pending
 * promise after COMMIT.
 */
export class GroupCommit {
  private queue: PendingAppend[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private inFlight: Promise<void> | undefined;

  constructor(private readonly commit: (group: PendingAppend[]) => Promise<void> | void) {}

  submit(
    stream: string,
    events: SerializedEvent[],
    expected: ExpectedRevision,
    onlyIf?: AppendOptions['onlyIf'],
  ): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ stream, events, expected, onlyIf, resolve, reject });
      this.schedule();
    });
  }

  /**
   * Commits whatever is queued now, after the group in flight (also used by close, so no
   * acknowledged-to-be append is lost). Resolves once that commit has settled.
   */
  flush(): Promise<void> {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.inFlight) return this.inFlight.then(() => this.flush());
    const group = this.queue;
    if (group.length === 0) return Promise.resolve();
    this.queue = [];
    const done = this.commit(group);
    if (!done) return Promise.resolve();
    const inFlight = done.finally(() => {
      this.inFlight = undefined;
      if (this.queue.length > 0) this.schedule();
    });
    this.inFlight = inFlight;
    return inFlight;
  }

  private schedule(): void {
    if (this.inFlight) return; // the group in flight schedules the next when it settles
    this.scheduled ??= setImmediate(() => void this.flush());
  }
}
