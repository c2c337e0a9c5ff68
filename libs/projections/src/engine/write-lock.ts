/**
 * One writer at a time among the threads of a partitioned rebuild, shared through a
 * SharedArrayBuffer. SQLite would serialise them anyway (BEGIN IMMEDIATE), but its busy handler
 * sleeps and polls; a waiting thread here sleeps in Atomics.wait and is woken the moment the lock
 * is free. Other processes writing the file (a live projector) still meet SQLite's busy_timeout.
 */
const FREE = 0;
const HELD = 1;
/** Far longer than any batch's write (milliseconds). */
const LONGEST_WAIT_MS = 60_000;

export class WriteLock {
  private readonly cell: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(4)) {
    this.cell = new Int32Array(buffer);
  }

  /**
   * Runs `write` while holding the lock (the thread blocks until it is free). A holder that never
   * lets go (a thread that died inside its write) makes this throw after `timeoutMs` rather than
   * block the waiting thread, and with it the rebuild, for ever.
   */
  hold<T>(write: () => T, timeoutMs = LONGEST_WAIT_MS): T {
    const deadline = Date.now() + timeoutMs;
    while (Atomics.compareExchange(this.cell, 0, FREE, HELD) !== FREE) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Rebuild write lock not released within ${timeoutMs} ms`);
      Atomics.wait(this.cell, 0, HELD, left);
    }
    try {
      return write();
    } finally {
      Atomics.store(this.cell, 0, FREE);
      Atomics.notify(this.cell, 0, 1);
    }
  }
}
