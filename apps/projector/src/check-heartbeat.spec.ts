import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkHeartbeat } from './check-heartbeat';
import { startProjector } from './start-projector';

describe('the projector container healthcheck (review s12-ops F15)', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-healthcheck-'));
    env = {
      CARE_JOURNEY_STORE: 'sqlite',
      CARE_JOURNEY_SQLITE_FILE: join(dir, 'events.db'),
      CARE_JOURNEY_READMODEL_FILE: join(dir, 'read-models.db'),
      CARE_JOURNEY_PROJECTOR_HEARTBEAT_MS: '1000',
      // A new, empty store: the projector creates a missing one only when told to (store-files.ts).
      CARE_JOURNEY_SQLITE_CREATE: '1',
    };
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('Given a running projector, Then healthy; its heartbeat older than 3 intervals, Then unhealthy (stale); stopped, Then unhealthy', async () => {
    const worker = await startProjector({ env, log: () => undefined, error: () => undefined });
    try {
      expect(checkHeartbeat(env)).toEqual({
        healthy: true,
        line: expect.stringMatching(/^projector running \(heartbeat \d+ ms old, stale after 3000 ms\)$/),
      });
      const later = new Date(Date.now() + 3_500);
      expect(checkHeartbeat(env, later)).toMatchObject({
        healthy: false,
        line: expect.stringMatching(/^projector stale/),
      });
    } finally {
      await worker.stop();
    }
    expect(checkHeartbeat(env)).toMatchObject({
      healthy: false,
      line: expect.stringMatching(/^projector stopped/),
    });
  });

  it('Given no read-model file (the volume not mounted, the projector never started), Then unhealthy, and no file is created', () => {
    const check = checkHeartbeat(env);
    expect(check.healthy).toBe(false);
    expect(check.line).toContain(`cannot read ${env.CARE_JOURNEY_READMODEL_FILE}`);
    expect(existsSync(env.CARE_JOURNEY_READMODEL_FILE)).toBe(false);
  });
});
