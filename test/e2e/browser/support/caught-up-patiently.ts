import type { BrowserApp } from './browser-app';

/**
 * Waits until the read models have caught up with a large set-up. Each wait is bounded (5 s, then
 * an error): waited again, up to `tries` times, so a loaded machine only makes it slower.
 */
export async function caughtUpPatiently(app: Pick<BrowserApp, 'caughtUp'>, tries = 12): Promise<void> {
  for (let tried = 1; ; tried++)
    try {
      await app.caughtUp();
      return;
    } catch (error) {
      if (tried >= tries) throw error;
    }
}
