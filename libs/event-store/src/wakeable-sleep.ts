/**
 * A sleep that can be cut short. Subscriptions wait on it between polls; an append in this
 * process (or `stop()`) wakes them at once so live latency is not bound to the poll interval.
 */
export class WakeableSleep {
  private wake: (() => void) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private pendingWake = false;

  sleep(ms: number): Promise<void> {
    if (this.pendingWake) {
      // A wake arrived while we were busy: don't sleep through the event it announced.
      this.pendingWake = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(() => this.wakeUp(), ms);
    });
  }

  wakeUp(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const wake = this.wake;
    this.wake = undefined;
    if (wake) wake();
    else this.pendingWake = true;
  }
}
