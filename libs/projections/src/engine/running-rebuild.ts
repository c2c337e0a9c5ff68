/**
 * A rebuild's progress while it runs, kept in the read-model file (`meta`, key `rebuild_g<n>` of
 * the generation it is writing, see rebuild-record.ts) so that another process reading the file
 * (an API while `care-journey rebuild` runs) can report it. Written at most every `everyMs` and at
 * each phase, never per event; the switch overwrites it with the finished rebuild, a failure drops
 * it with its generation. A process killed mid-rebuild leaves it behind: readers tell that from
 * the process id (same host) or from how long ago it last wrote (any host; the only sign from
 * another host, e.g. a container with its own process ids), and the next rebuild drops it with the
 * abandoned generation.
 */
import { hostname } from 'node:os';
import type { RebuildProgress } from './rebuild';

/** What a running rebuild stores: its progress, when it wrote it, and the host its pid belongs to. */
export interface RunningRebuildRecord extends RebuildProgress {
  /** ISO-8601 instant this record was written. */
  updatedAt: string;
  host: string;
}

/** A running rebuild as another process reports it: `abandoned` says why it is not running any more. */
export interface RunningRebuildSeen extends RunningRebuildRecord {
  abandoned?: string;
}

/** Default interval between progress writes while a rebuild runs. */
export const RUNNING_RECORD_EVERY_MS = 1_000;

/**
 * A record not rewritten for this long is taken as abandoned: from another host its pid cannot be
 * checked, and on this one the pid may have been reused. A live rebuild writes every second while
 * it replays (indexing and the switch write nothing for a while, so this is generous).
 */
export const RUNNING_RECORD_STALE_MS = 5 * 60_000;

/** Writes a running rebuild's progress through `write`, at most every `everyMs` unless forced. */
export class RunningRebuildRecorder {
  private lastWrite = Number.NEGATIVE_INFINITY;
  private readonly host = hostname();

  constructor(
    private readonly write: (record: RunningRebuildRecord) => void,
    private readonly now: () => number,
    private readonly everyMs = RUNNING_RECORD_EVERY_MS,
  ) {}

  record(progress: RebuildProgress, force = false): void {
    const now = this.now();
    if (!force && now - this.lastWrite < this.everyMs) return;
    this.lastWrite = now;
    try {
      this.write({ ...progress, updatedAt: new Date(now).toISOString(), host: this.host });
    } catch {
      // Progress for other readers only: a busy file must not fail the rebuild; the next write retries.
    }
  }
}

/** Whether a process of this host is alive: signal 0 checks without signalling (EPERM: alive, not ours). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface Observer {
  host: string;
  pid: number;
  now: number;
  isAlive: (pid: number) => boolean;
}

export const thisProcess = (): Observer => ({
  host: hostname(),
  pid: process.pid,
  now: Date.now(),
  isAlive: processAlive,
});

/**
 * A running rebuild's record as `observer` reports it: undefined when it is the observer's own
 * (it reports its live progress itself); `abandoned` when its process is gone (same host) or it
 * has not written for RUNNING_RECORD_STALE_MS.
 */
export function runningRebuildSeenBy(
  record: RunningRebuildRecord,
  observer: Observer,
): RunningRebuildSeen | undefined {
  const sameHost = record.host === observer.host;
  if (sameHost && record.by.pid === observer.pid) return undefined;
  const silentMs = observer.now - Date.parse(record.updatedAt);
  // Silence counts on this host too: a pid reused by an unrelated process must not keep it "running".
  const abandoned =
    sameHost && !observer.isAlive(record.by.pid)
      ? `process ${record.by.pid} (${record.by.process}) is gone; the next rebuild drops its partial generation`
      : silentMs > RUNNING_RECORD_STALE_MS
        ? `no progress written for ${Math.round(silentMs / 1000)} s by ${record.by.process} (pid ${record.by.pid}${sameHost ? '' : ', another host'}); the next rebuild drops its partial generation`
        : undefined;
  return abandoned === undefined ? record : { ...record, state: 'abandoned', abandoned };
}
