/**
 * The review's restore scenario (F2): the disk with the event store is lost, the read-model file
 * survives, and the operator restores an older backup with `--reuse-positions --no-rebuild`. The
 * read models' checkpoint is then past the restored log's head. The API, started on that pair,
 * used to resume after the old checkpoint: a child registered after the restore never reached the
 * read models while read-your-writes said "reached" and the lag said 0. Now the read models are
 * found not to belong to the log and are projected again from position 0, and
 * /health/projections says so. In both of the API's own projection modes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { apiClient, type ApiClient } from './support/http-client';
import { registerBody, startCareBody } from './support/journey-bodies';
import { runCli } from './support/run-cli';
import { pollUntil } from './support/poll';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

interface Health {
  checkpoint: string | null;
  head: string | null;
  lag: string;
  generation: number;
  misaligned?: { reason: string; remedy: string };
  realigned?: { generation: number; discarded: number; reason: string; at: string };
}
interface Found {
  children: { childId: string; childRef: string }[];
}

describe.each(['thread', 'inline'] as const)(
  'restore --reuse-positions --no-rebuild, then the API on the surviving read models (CARE_JOURNEY_PROJECTIONS=%s)',
  (mode) => {
    let dir: string;
    let sqliteFile: string;
    let t: TestApp | undefined;
    let api: ApiClient;
    const tag = mode.slice(0, 3).toUpperCase();
    const social = { token: tokenFor('social_worker', 'alice') };
    const admin = { token: tokenFor('admin') };

    const start = async (): Promise<void> => {
      t = await startTestApp({ sqliteFile, config: { projections: mode } });
      api = apiClient(t.baseUrl);
    };
    const stop = async (): Promise<void> => {
      await t?.close();
      t = undefined;
    };
    const health = async (): Promise<Health> => (await api.get<Health>('/health/projections', admin)).body;
    /** Bounded wait for the read models to hold the whole log. */
    const caughtUp = async (): Promise<Health> => {
      const whole = (h: Health): boolean => h.lag === '0' && h.checkpoint !== null && h.checkpoint === h.head;
      const h = await pollUntil(health, whole);
      if (whole(h)) return h;
      throw new Error(`read models did not catch up: ${JSON.stringify(h)}`);
    };
    const register = async (n: number): Promise<{ childId: string; globalPosition: string }> => {
      const registered = await api.post<{ childId: string; globalPosition: string }>(
        '/children',
        registerBody({ childRef: `RS${n}-${tag}`, upn: `A12345678901${n}` }),
        social,
      );
      expect(registered.status).toBe(201);
      return registered.body;
    };
    const find = async (childRef: string, minPosition?: string): Promise<Found['children']> => {
      const query = `q=${encodeURIComponent(childRef)}${minPosition ? `&minPosition=${minPosition}` : ''}`;
      const found = await api.get<Found>(`/children?${query}`, social);
      expect(found.status).toBe(200);
      return found.body.children.filter((child) => child.childRef === childRef);
    };

    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'cj-e2e-restore-rm-'));
      sqliteFile = join(dir, 'journeys.db');
    });
    afterAll(async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('Given read models projected past the backup, When the store is restored without a rebuild and the API starts, Then a child registered after the restore reaches the read models', async () => {
      // Given: one child in the backup, two more (and their care) only in the store that is lost.
      await start();
      await register(1);
      await caughtUp();
      const backup = join(dir, 'backup.db');
      const backedUp = await runCli(sqliteFile, ['backup', backup]);
      expect(backedUp.code).toBe(0);
      for (const n of [2, 3]) {
        const { childId } = await register(n);
        expect((await api.post(`/children/${childId}/periods-of-care`, startCareBody, social)).status).toBe(
          201,
        );
      }
      const before = await caughtUp();
      await stop();
      // The disk with the store is lost; the read-model file beside it survives.
      for (const suffix of ['', '-wal', '-shm']) rmSync(sqliteFile + suffix, { force: true });
      const restored = await runCli(sqliteFile, ['restore', backup, '--reuse-positions', '--no-rebuild']);
      expect(restored.out).toMatch(/restored \d+ events/);
      expect(restored.code).toBe(0);

      // When: the API starts on the restored store and the surviving read models; a child is registered.
      await start();
      const late = await register(4);
      expect(BigInt(late.globalPosition)).toBeLessThan(BigInt(before.checkpoint!));

      // Then: read-your-writes waits for it and finds it; the lost children are gone from the read models.
      expect(await find(`RS4-${tag}`, late.globalPosition)).toHaveLength(1);
      expect(await find(`RS1-${tag}`)).toHaveLength(1);
      expect(await find(`RS2-${tag}`)).toHaveLength(0);
      const h = await caughtUp();
      // (The read-access trail is in the log too: the head has moved past the registration.)
      expect(BigInt(h.checkpoint!)).toBeGreaterThanOrEqual(BigInt(late.globalPosition));
      expect(h.misaligned).toBeUndefined();
      expect(h.realigned).toMatchObject({
        generation: h.generation,
        discarded: before.generation,
        reason: 'checkpoint past the head of the log',
      });
      // Public too (without positions): a probe sees the read models were projected again.
      const anonymous = (await api.get<Health>('/health/projections')).body;
      expect(anonymous.realigned?.reason).toBe('checkpoint past the head of the log');
      expect(anonymous.checkpoint).toBeUndefined();
    }, 120_000);
  },
);
