import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { JourneyQueries } from '../../../../apps/api/src/projections/journey-queries';
import { apiClient, type ApiClient } from '../../support/http-client';
import { startTestApp, type TestApp } from '../../support/test-app';
import { launchChromium } from './chromium';

/** The real app over HTTP and a headless Chromium, for the tests of one describe block. */
export interface BrowserApp {
  /** The app as started (its store, its Nest application). */
  readonly t: TestApp;
  readonly baseUrl: string;
  /** An HTTP client of the app, for setting up and checking through the API. */
  readonly api: ApiClient;
  readonly browser: Browser;
  /** A browser context closed after the test. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page in a context of its own, closed after the test. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Waits until the read models hold everything recorded so far (the pages read only them). */
  caughtUp(): Promise<void>;
}

/**
 * Call once in a describe block: starts the app (`start`, default a fresh temp SQLite file,
 * listening on a free port) and Chromium together before the block's tests, closes both after
 * them, and closes every context and page opened through it after each test (letting go of posts
 * a failed test still holds, rather than leaving them to fail after it).
 */
export function useBrowserApp(start: () => Promise<TestApp> = () => startTestApp()): BrowserApp {
  let t: TestApp | undefined;
  let api: ApiClient | undefined;
  let browser: Browser | undefined;
  const opened: (BrowserContext | Page)[] = [];

  beforeAll(async () => {
    [t, browser] = await Promise.all([start(), launchChromium()]);
    api = apiClient(t.baseUrl);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  afterEach(async () => {
    for (const item of opened.splice(0)) {
      const pages = 'pages' in item ? item.pages() : [item];
      for (const page of pages) if (!page.isClosed()) await page.unrouteAll({ behavior: 'ignoreErrors' });
      await item.close();
    }
  });

  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The browser app starts in beforeAll: use it in a test or hook');
    return value;
  };
  const track = <T extends BrowserContext | Page>(item: T): T => {
    opened.push(item);
    return item;
  };
  return {
    get t() {
      return started(t);
    },
    get baseUrl() {
      return started(t).baseUrl;
    },
    get api() {
      return started(api);
    },
    get browser() {
      return started(browser);
    },
    newContext: async (options) => track(await started(browser).newContext(options)),
    newPage: async (options) => track(await started(browser).newPage(options)),
    caughtUp: async () => {
      const app = started(t);
      await app.app.get(JourneyQueries).waitFor((await app.store.headPosition())?.toString());
    },
  };
}
