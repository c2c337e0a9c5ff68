/**
 * One writer at a time among the threads of a partitioned rebuild, shared through a
 * SharedArrayBuffer. SQLite would serialise them anyway (BEGIN IMMEDIATE), but its busy handler
 * sleeps and polls; a waiting thread here sleeps in Atomics.wait and is woken the moment the lock
 * is free. Other processes writing the file (a live projector) still meet SQLite's busy_timeout.
 */
const FREE = 0;
const HELD = 1;

export class WriteLock {
  private readonly cell: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(4)) {
    this.cell = new Int32Array(buffer);
  }

  /** Runs `write` while holding the lock (the thread blocks until it is free). */
  hold<T>(write: () => T): T {
    while (Atomics.compareExchange(this.cell, 0, FREE, HELD) !== FREE) Atomics.wait(this.cell, 0, HELD);
    try {
      return write();
    } finally {
      Atomics.store(this.cell, 0, FREE);
      Atomics.notify(this.cell, 0, 1);
    }
  }
}
