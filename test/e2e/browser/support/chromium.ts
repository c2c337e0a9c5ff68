import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CARE_JOURNEY_CHROMIUM ?? '/usr/bin/chromium';

/** CI installs Debian's chromium; without it the browser tests say so once and skip. */
export const chromiumAvailable = existsSync(CHROMIUM);
if (!chromiumAvailable)
  console.log(
    `Browser tests skipped: no chromium at ${CHROMIUM} (apt-get install chromium, or set CARE_JOURNEY_CHROMIUM)`,
  );

/** `describe` that skips when there is no browser. */
export const describeInBrowser: jest.Describe = chromiumAvailable ? describe : describe.skip;

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
