import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CARE_JOURNEY_CHROMIUM ?? '/usr/bin/chromium';

/** The title a skipped suite's placeholder test carries: the closing-line reporter prints the reason. */
export const SKIP_PREFIX = 'skipped: ';

/**
 * Whether the browser tests run: with a chromium, yes; without one they skip saying why, except
 * under CI (`CI` set), which installs Debian's chromium (.ci/run): there a missing one fails.
 */
export function browserTestsPlan(
  env: Record<string, string | undefined>,
  chromiumAt: string,
  exists: (path: string) => boolean,
): { run: true } | { run: false; fail: boolean; reason: string } {
  if (exists(chromiumAt)) return { run: true };
  const reason = `browser tests: no chromium at ${chromiumAt} (apt-get install chromium, or set CARE_JOURNEY_CHROMIUM)`;
  const ci = (env.CI ?? '').trim() !== '' && env.CI !== 'false';
  return ci
    ? { run: false, fail: true, reason: `${reason}; CI is set, so this fails` }
    : { run: false, fail: false, reason };
}

const plan = browserTestsPlan(process.env, CHROMIUM, existsSync);
export const chromiumAvailable = plan.run;

/**
 * `describe` for browser tests. Without a browser: skipped, with a placeholder test titled with the
 * reason (printed once at the end of the run by test/support/closing-line-reporter.js); under CI
 * that placeholder fails instead.
 */
export const describeInBrowser = (name: string, tests: () => void): void => {
  if (plan.run) return describe(name, tests);
  if (plan.fail)
    return describe(name, () => {
      it('runs in a real browser (CI installs chromium: .ci/run)', () => {
        throw new Error(plan.reason);
      });
    });
  describe.skip(name, () => {
    it(`${SKIP_PREFIX}${plan.reason}`, () => undefined);
    tests();
  });
};

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Never fetch anything from the internet (no component updates, no browser download).
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'browser');

/** A full-page screenshot per page visited, for people to look at (test-artifacts/ is gitignored). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A path in the artifacts folder, for screenshots of one element. */
export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, `${name}.png`);
}
