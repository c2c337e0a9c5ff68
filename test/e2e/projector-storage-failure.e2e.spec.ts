/**
 * Review s12-ops F11: a projector that cannot write its read models because the disk is full is
 * (1) logged at ERROR, (2) reported by /health/projections with 503, and (3) classified as a storage
 * failure with no event blamed (`error.kind: "storage"`, no `event`), so the runbook sends the
 * operator to the disk, not to a defect in whichever event came next. Once the storage records
 * again, the projector moves on by itself and health is 200. The real API over HTTP, projecting
 * inline into a real SQLite read-model file made "full" through SQLite's own page limit
 * (PRAGMA max_page_count), which fails writes with SQLITE_FULL exactly as a full disk does.
 */
import type Database from 'better-sqlite3';
import type { LoggerService } from '@nestjs/common';
import type { ProjectionEngine, ProjectorFailure } from '@care-journey/projections';
import { PROJECTION_ENGINE } from '../../apps/api/src/projections/projection-engine.provider';
import { apiClient, type ApiClient } from './support/http-client';
import { newChild } from './support/journey-setup';
import { pollUntil } from './support/poll';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

type Health = { projector: string; lag: string; failure?: ProjectorFailure };

/** Every line the app logs, with its level. */
class Recorder implements LoggerService {
  readonly lines: { level: string; message: string }[] = [];
  log = (message: unknown) => this.lines.push({ level: 'log', message: String(message) });
  error = (message: unknown) => this.lines.push({ level: 'error', message: String(message) });
  warn = (message: unknown) => this.lines.push({ level: 'warn', message: String(message) });
  debug = () => undefined;
  verbose = () => undefined;
}

const RETRY_VARIABLES = { CARE_JOURNEY_PROJECTOR_RETRY_MS: '50', CARE_JOURNEY_PROJECTOR_RETRY_MAX_MS: '200' };

describe('a projector that cannot write its read models (disk full)', () => {
  let t: TestApp;
  let api: ApiClient;
  const logger = new Recorder();
  const admin = { token: tokenFor('admin') };
  /** The read-model file's connection the inline projector writes through. */
  const readModelDb = () =>
    (
      t.app.get<ProjectionEngine>(PROJECTION_ENGINE).readModels as unknown as {
        opened: { db: Database.Database };
      }
    ).opened.db;

  beforeAll(async () => {
    Object.assign(process.env, RETRY_VARIABLES); // read once, at start-up
    t = await startTestApp({ config: { projections: 'inline' }, app: { logger } });
    api = apiClient(t.baseUrl);
    await newChild(api);
  });
  afterAll(async () => {
    for (const name of Object.keys(RETRY_VARIABLES)) delete process.env[name];
    await t.close();
  });

  /** The health answer once the projector has stored a failure (polled, not timed). */
  async function failing(token?: string): Promise<{ status: number; body: Health }> {
    const seen = await pollUntil(
      () => api.get<Health>('/health/projections', token === undefined ? {} : { token }),
      (answer) => answer.body.failure !== undefined,
    );
    if (seen.body.failure !== undefined) return seen;
    throw new Error('the projector never reported a failure');
  }

  it('Given the read-model file is full, Then health answers 503 naming a storage failure and no event, the log says it at ERROR; once there is room, Then 200 again', async () => {
    const db = readModelDb();
    const limit = db.pragma('max_page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
    try {
      // Enough children to need a page the file may not have.
      for (let i = 0; i < 30; i++) await newChild(api);
      const anonymous = await failing();
      expect(anonymous.status).toBe(503);
      expect(anonymous.body.failure?.error).toEqual({ name: 'SqliteError', kind: 'storage' });
      expect(anonymous.body.failure?.event).toBeUndefined();

      const signedIn = await failing(admin.token);
      expect(signedIn.status).toBe(503);
      expect(signedIn.body.failure).toMatchObject({ error: { name: 'SqliteError', kind: 'storage' } });
      expect(signedIn.body.failure).not.toHaveProperty('event');

      const failed = logger.lines.filter((line) => line.message.startsWith('projection failed'));
      expect(failed.length).toBeGreaterThan(0);
      expect(failed.every((line) => line.level === 'error')).toBe(true);
      expect(failed[0].message).toContain('no event at fault (a storage error: fix the storage)');
      expect(failed[0].message).toContain('database or disk is full');
    } finally {
      db.pragma(`max_page_count = ${limit}`);
    }

    const health = await pollUntil(
      () => api.get<Health>('/health/projections'),
      (answer) => answer.status === 200 && answer.body.lag === '0',
    );
    expect({ status: health.status, projector: health.body.projector, lag: health.body.lag }).toEqual({
      status: 200,
      projector: 'running',
      lag: '0',
    });
    expect(health.body.failure).toBeUndefined();
    const moving = logger.lines.find((line) => line.message.startsWith('projection moving again'));
    expect(moving?.level).toBe('log');
  });
});
