import type { AppendOptions, AppendResult, NewEvent } from '../event-store.port';

/** One caller's append waiting for the next shared commit. */
export interface PendingAppend {
  stream: string;
  events: readonly NewEvent[];
  options: AppendOptions;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/**
 * Collects the appends made in one turn of the event loop and hands them to `commit` together,
 * so they share one transaction and one fsync. better-sqlite3 blocks the loop while it commits,
 * so requests that arrive meanwhile wait in the socket buffers and are all read in the next poll
 * phase; their handlers reach appendToStream through microtasks only (reads are synchronous), so
 * a setImmediate flush sees all of them. `commit` settles every pending promise after COMMIT.
 */
export class GroupCommit {
  private queue: PendingAppend[] = [];
  private scheduled: NodeJS.Immediate | undefined;

  constructor(private readonly commit: (group: PendingAppend[]) => void) {}

  submit(stream: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ stream, events, options, resolve, reject });
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Commits whatever is queued now (also used by close, so no acknowledged-to-be append is lost). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    const group = this.queue;
    if (group.length === 0) return;
    this.queue = [];
    this.commit(group);
  }
}
