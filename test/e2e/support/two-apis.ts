import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiConfig } from '../../../apps/api/src/config/api-config';
import { startTestApp, type TestApp } from './test-app';
import { withEnv } from './with-env';

/** Two API hosts with one configuration: two real HTTP apps on one SQLite file. */
export interface TwoApis {
  /** The spec file's temp folder, removed after its last spec. */
  dir: string;
  /** `journeys.db` in `dir`, which both apps (and the real CLI, given it) share. */
  sqliteFile: string;
  a: TestApp;
  b: TestApp;
}

export interface TwoApisOptions {
  /** The temp folder's prefix, naming the spec in a leftover folder. */
  prefix: string;
  /** Configuration of both apps on top of the test defaults (e.g. `{ tokens: 'recorded' }`). */
  config?: Partial<ApiConfig>;
  /**
   * Environment both apps read as they start (restored afterwards), given the temp folder; it may
   * write the files those settings name.
   */
  env?: (dir: string) => Record<string, string>;
}

/**
 * Starts the two apps once for the spec file (beforeAll) and closes them after it (afterAll). The
 * fields are filled in by the time the first spec runs.
 */
export function useTwoApis(options: TwoApisOptions): TwoApis {
  const apis = {} as TwoApis;
  beforeAll(async () => {
    apis.dir = mkdtempSync(join(tmpdir(), options.prefix));
    apis.sqliteFile = join(apis.dir, 'journeys.db');
    const start = () => startTestApp({ sqliteFile: apis.sqliteFile, config: options.config });
    await withEnv(options.env?.(apis.dir) ?? {}, async () => {
      apis.a = await start();
      apis.b = await start();
    });
  }, 60_000);
  afterAll(async () => {
    await apis.b?.close();
    await apis.a?.close();
    if (apis.dir) rmSync(apis.dir, { recursive: true, force: true });
  });
  return apis;
}

/** GET /drift-report (an auditor's report) from this API (an app or a served CLI) with this bearer token. */
export const driftReportWith = (api: { baseUrl: string }, jwt: string): Promise<Response> =>
  fetch(`${api.baseUrl}/drift-report`, { headers: { authorization: `Bearer ${jwt}` } });
