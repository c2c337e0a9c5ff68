import { readFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { LoggerService } from '@nestjs/common';

/** How long one look at a watched file holds: a change is in force within this long. */
export const FILE_RECHECK_MS = 1_000;

/** When a watched file is looked at again; the default in production, specs give their own. */
export interface RecheckOptions {
  /** How long a look holds; 0 looks at every call (specs). Default FILE_RECHECK_MS. */
  recheckMs?: number;
  /** Milliseconds on a clock that never goes back; specs give a fake one. */
  now?: () => number;
}

export interface WatchedFileOptions<T> extends RecheckOptions {
  /** What the file holds, plural, for the log ("users", "revocations"). */
  holds: string;
  /** Written after "read again: " when a changed file was taken (e.g. "3 user(s)"). */
  summary: (value: T) => string;
  logger: Pick<LoggerService, 'error' | 'log'>;
  /** The read at start-up (its errors are thrown: a bad file stops start-up); default: parse of the text. */
  readFirst?: (path: string) => T;
}

/**
 * A settings file read again when it changes, without a restart (the users file, the revoked
 * tokens). Decision: at most one `stat` per re-check interval for the whole process, taken by the
 * call that finds the last look older than the interval, synchronously, so whatever any caller gets
 * is the file as it stood at most one interval ago (an idle process does not answer from an old look).
 * The file is read and parsed only when its inode, size or times moved. A version that cannot be
 * read or parsed (half written, a typo, moved away) is not taken: the last good value stays in force
 * and the error is logged once for that version.
 */
export class WatchedFile<T> {
  private value: T;
  private seen: string | undefined;
  /** The signature of a version that failed, so it is neither read nor logged again. */
  private failed: string | undefined;
  private checkedAt: number;
  private readonly recheckMs: number;
  private readonly now: () => number;

  constructor(
    readonly path: string,
    private readonly parse: (text: string, path: string) => T,
    private readonly options: WatchedFileOptions<T>,
  ) {
    this.recheckMs = options.recheckMs ?? FILE_RECHECK_MS;
    this.now = options.now ?? (() => performance.now());
    // Taken before reading: a write landing in between changes it again, so it is read once more.
    this.seen = signatureOf(path);
    this.value = options.readFirst ? options.readFirst(path) : parse(readFileSync(path, 'utf8'), path);
    this.checkedAt = this.now();
  }

  /** The value in force; looks at the file first when the last look is a re-check interval old. */
  current(): T {
    const now = this.now();
    if (now - this.checkedAt >= this.recheckMs) {
      this.checkedAt = now;
      this.lookNow();
    }
    return this.value;
  }

  /** Reads the file again if it changed since it was last taken, whatever the interval. */
  lookNow(): void {
    const signature = signatureOf(this.path);
    if (signature === this.seen || signature === this.failed) return;
    try {
      const value = this.parse(readFileSync(this.path, 'utf8'), this.path);
      this.value = value;
      this.seen = signature;
      this.failed = undefined;
      this.options.logger.log(`${this.path} read again: ${this.options.summary(value)}`);
    } catch (error) {
      this.failed = signature;
      this.options.logger.error(
        `${this.path} not reloaded, the ${this.options.holds} read before stay in force: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}

/** Changes whenever the file is replaced (inode) or written (size, times); names why it cannot be stat'ed. */
function signatureOf(path: string): string {
  try {
    const s = statSync(path, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
  } catch (error) {
    return `unreadable:${(error as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}
