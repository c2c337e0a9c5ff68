import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EventStore } from '@care-journey/event-store';
import type { ApiConfig } from '../../../apps/api/src/config/api-config';
import { createApp, type CreateAppOptions, type RegisteredRoute } from '../../../apps/api/src/create-app';
import { EVENT_STORE } from '../../../apps/api/src/infrastructure/event-store.provider';
import { apiClient, type ApiClient } from './http-client';
import { TEST_JWT_SECRET } from './tokens';

export interface TestApp {
  app: NestFastifyApplication;
  baseUrl: string;
  /** Every route Fastify registered, in registration order. */
  routes: RegisteredRoute[];
  store: EventStore;
  sqliteFile: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** A SQLite file the caller owns (kept on close, e.g. to start the app again on it); default: a fresh one. */
  sqliteFile?: string;
  /** Configuration on top of the test defaults (e.g. trustProxy). */
  config?: Partial<ApiConfig>;
  /** createApp options on top of the test defaults (e.g. security limits). */
  app?: Omit<CreateAppOptions, 'onRoute'>;
}

/** The real API over real HTTP on a SQLite file (a fresh one in a temp directory unless given). */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dir = options.sqliteFile ? undefined : mkdtempSync(join(tmpdir(), 'care-journey-e2e-'));
  const sqliteFile = options.sqliteFile ?? join(dir!, 'journeys.db');
  const config: ApiConfig = {
    port: 0,
    host: '127.0.0.1',
    jwtSecret: TEST_JWT_SECRET,
    usingDevJwtSecret: false,
    // Commits on a writer thread, as a deployment does by default (loadStoreConfig).
    store: { kind: 'sqlite', file: sqliteFile, synchronous: 'NORMAL', writer: 'thread' },
    ...options.config,
  };
  const routes: RegisteredRoute[] = [];
  const app = await createApp(config, {
    logger: ['error'],
    ...options.app,
    onRoute: (route) => routes.push(route),
  });
  await app.listen(config.port, config.host);
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    app,
    baseUrl,
    routes,
    store: app.get<EventStore>(EVENT_STORE),
    sqliteFile,
    close: async () => {
      await app.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** How long the app may take to start: generous, as the e2e run starts many on a loaded machine. */
const START_TIMEOUT_MS = 60_000;

/**
 * The set-up most e2e spec files share: one app for the file (started in beforeAll, closed in
 * afterAll) and a client for it, ready from the file's first spec.
 */
export function useTestApi(options: TestAppOptions = {}): ApiClient {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await startTestApp(options);
  }, START_TIMEOUT_MS);
  afterAll(async () => app?.close());
  return apiClient(() => {
    if (!app) throw new Error('useTestApi: the app starts in beforeAll, before the first spec');
    return app.baseUrl;
  });
}
