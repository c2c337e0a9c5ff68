import { isoNow } from '../infrastructure/iso-now';
import type { LogFormat } from './log-settings';

/** Where the lines go: process.stdout in the API; a spec passes its own. */
export interface LineSink {
  write(chunk: string): unknown;
}

/** Past this many characters waiting, a batch is written at once rather than when its time is up. */
const MAX_PENDING_CHARS = 64 * 1024;
/** The longest a line waits to be written. */
export const ACCESS_LOG_FLUSH_MS = 50;

/**
 * The access log's writer: one line a request in exactly the shape Nest's ConsoleLogger gives a
 * `log` line with context `Access` (text without colours, or compact JSON), but formatted here in
 * one template and written in batches. Through ConsoleLogger
 * the line cost a level check, a colour pass, a formatter call and one synchronous write(2) a
 * request (finding 40: ~8% of the 8-client command rate); flushed at the end of each turn of the
 * event loop, the writes were still 3.7% of the main thread's busy time at 8 clients. A line waits at most ACCESS_LOG_FLUSH_MS (an unref'd timer: it never holds the process
 * open); close() writes what is waiting, so a clean shutdown loses no line.
 */
export class AccessLogWriter {
  private pending = '';
  private scheduled: NodeJS.Timeout | undefined;

  constructor(
    private readonly format: LogFormat,
    private readonly sink: LineSink = process.stdout,
    private readonly pid: number = process.pid,
  ) {}

  /**
   * Queues one access line; `message` is the text line, or the JSON format's `message` object. The
   * time is the clock's now (isoNow: toISOString's string without its cost a line) unless given.
   */
  write(message: string | Record<string, unknown>, now?: Date): void {
    const timestamp = now === undefined ? isoNow() : now.toISOString();
    this.pending +=
      this.format === 'json'
        ? `${JSON.stringify({ level: 'log', pid: this.pid, timestamp, message, context: 'Access' })}\n`
        : `[Nest] ${this.pid}  - ${timestamp}     LOG [Access] ${String(message)}\n`;
    if (this.pending.length >= MAX_PENDING_CHARS) this.flush();
    else this.scheduled ??= setTimeout(this.flush, ACCESS_LOG_FLUSH_MS).unref();
  }

  /** Writes what is waiting (its time is up, a full batch, or shutdown). */
  readonly flush = (): void => {
    if (this.scheduled !== undefined) clearTimeout(this.scheduled);
    this.scheduled = undefined;
    if (this.pending === '') return;
    const batch = this.pending;
    this.pending = '';
    this.sink.write(batch);
  };
}
