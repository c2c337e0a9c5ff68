import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { EventStore } from '@care-journey/event-store';
import type { ApiConfig } from '../../../apps/api/src/config/api-config';
import { createApp, type RegisteredRoute } from '../../../apps/api/src/create-app';
import { EVENT_STORE } from '../../../apps/api/src/infrastructure/event-store.provider';
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

/** The real API over real HTTP on a fresh SQLite file in a temp directory. */
export async function startTestApp(): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'care-journey-e2e-'));
  const sqliteFile = join(dir, 'journeys.db');
  const config: ApiConfig = {
    port: 0,
    host: '127.0.0.1',
    jwtSecret: TEST_JWT_SECRET,
    usingDevJwtSecret: false,
    store: { kind: 'sqlite', file: sqliteFile, synchronous: 'NORMAL' },
  };
  const routes: RegisteredRoute[] = [];
  const app = await createApp(config, { logger: ['error'], onRoute: (route) => routes.push(route) });
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
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
