import { join } from 'node:path';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { currentSchemaVersion, journeyStream } from '@care-journey/journey';
import { createEventStore, loadStoreConfig } from '@care-journey/event-store';
import { ProjectionEngine, ReadModelStore } from '@care-journey/projections';
import { startProjector } from './start-projector';

describe('projector worker', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cj-projector-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('projects the configured log into the configured read-model file, which an API in worker mode reads', async () => {
    const env = {
      CARE_JOURNEY_STORE: 'sqlite',
      CARE_JOURNEY_SQLITE_FILE: join(dir, 'events.db'),
      CARE_JOURNEY_READMODEL_FILE: join(dir, 'read-models.db'),
      CARE_JOURNEY_PROJECTION_BATCH: '10',
    };
    const store = await createEventStore(loadStoreConfig(env));
    const appended = await store.appendToStream(
      journeyStream('w1'),
      [
        {
          id: 'w1-1',
          type: 'ChildRegistered',
          data: {
            childId: 'w1',
            effectiveDate: '2024-01-01',
            childRef: 'W1',
            name: 'W',
            dateOfBirth: '2020-01-01',
            sex: '2',
            ethnicity: 'WBRI',
            upn: 'UN1',
            uasc: false,
            relinquishedAtBirth: false,
            team: 'East',
            socialWorker: 'sw-3',
          },
          metadata: {
            recordedAt: '2024-01-01T09:00:00Z',
            recordedBy: 'spec',
            schemaVersion: currentSchemaVersion('ChildRegistered'),
          },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    const logged: string[] = [];
    const worker = await startProjector({ env, log: (m) => logged.push(m), logIntervalMs: 5 });
    const reader = new ProjectionEngine(store, {
      file: env.CARE_JOURNEY_READMODEL_FILE,
      mode: 'worker',
      batchSize: 10,
    });
    try {
      expect(await reader.waitForPosition(appended.globalPosition, 3000)).toBe(true);
      expect(reader.summary('w1')?.childRef).toBe('W1');
      await sleep(30);
      expect(logged.some((line) => /lag 0/.test(line))).toBe(true);
    } finally {
      await reader.close();
      await worker.stop();
      await store.close();
    }
  });

  it.each(['abc', '0', '1.5', '-5'])(
    'Given CARE_JOURNEY_PROJECTOR_LOG_INTERVAL_MS=%s, When the worker starts, Then it stops naming the variable, opening nothing',
    async (value) => {
      const env = {
        CARE_JOURNEY_SQLITE_FILE: join(dir, 'events.db'),
        CARE_JOURNEY_PROJECTOR_LOG_INTERVAL_MS: value,
      };
      await expect(startProjector({ env, log: () => undefined })).rejects.toThrow(
        `CARE_JOURNEY_PROJECTOR_LOG_INTERVAL_MS: must be a whole number of milliseconds ≥ 1, got "${value}"`,
      );
      expect(existsSync(join(dir, 'events.db'))).toBe(false);
    },
  );

  describe('the store-file check the API runs on start (review s12-ops F7, F8)', () => {
    it('Given a store path where no store exists, When the worker starts, Then it stops naming CARE_JOURNEY_SQLITE_FILE and creates nothing', async () => {
      const file = join(dir, 'unmounted', 'events.db');
      const env = { CARE_JOURNEY_SQLITE_FILE: file, CARE_JOURNEY_READMODEL_FILE: join(dir, 'rm.db') };
      await expect(startProjector({ env, log: () => undefined })).rejects.toThrow(
        `CARE_JOURNEY_SQLITE_FILE: no event store at ${file} (a mistyped path, or a volume not mounted?)`,
      );
      expect(existsSync(join(dir, 'unmounted'))).toBe(false);
      expect(existsSync(join(dir, 'rm.db'))).toBe(false);
    });

    it('Given a missing store and CARE_JOURNEY_SQLITE_CREATE=1, When the worker starts, Then it creates the store, says so, and projects', async () => {
      const file = join(dir, 'events.db');
      const env = {
        CARE_JOURNEY_SQLITE_FILE: file,
        CARE_JOURNEY_READMODEL_FILE: join(dir, 'rm.db'),
        CARE_JOURNEY_SQLITE_CREATE: '1',
      };
      const logged: string[] = [];
      const worker = await startProjector({ env, log: (m) => logged.push(m), logIntervalMs: 1000 });
      await worker.stop();
      expect(existsSync(file)).toBe(true);
      expect(logged).toContain(`WARN created a new, empty event store at ${file}`);
    });

    it('Given a store path naming a read-model file, When the worker starts, Then it is refused instead of turned into a log', async () => {
      const readModels = join(dir, 'rm.db');
      new ReadModelStore(readModels).close();
      const env = {
        CARE_JOURNEY_SQLITE_FILE: readModels,
        CARE_JOURNEY_READMODEL_FILE: join(dir, 'other.db'),
      };
      await expect(startProjector({ env, log: () => undefined })).rejects.toThrow(
        /^CARE_JOURNEY_SQLITE_FILE: .*rm\.db holds read models \(tables meta, checkpoints.*\), not an event log/,
      );
      expect(existsSync(join(dir, 'other.db'))).toBe(false);
    });

    it('Given a projector of the live store on an explicit read-model file, When a projector of another store starts on that file, Then it is refused naming CARE_JOURNEY_READMODEL_FILE and both stores (review s12-ops F2)', async () => {
      const [live, training, shared] = [
        join(dir, 'live.db'),
        join(dir, 'training.db'),
        join(dir, 'shared.db'),
      ];
      for (const file of [live, training])
        await (await createEventStore(loadStoreConfig({ CARE_JOURNEY_SQLITE_FILE: file }))).close();
      const first = await startProjector({
        env: { CARE_JOURNEY_SQLITE_FILE: live, CARE_JOURNEY_READMODEL_FILE: shared },
        log: () => undefined,
        logIntervalMs: 1000,
      });
      try {
        await expect(
          startProjector({
            env: { CARE_JOURNEY_SQLITE_FILE: training, CARE_JOURNEY_READMODEL_FILE: shared },
            log: () => undefined,
          }),
        ).rejects.toThrow(
          `CARE_JOURNEY_READMODEL_FILE: ${shared} holds the read models of the event store ${live}, not of ${training} (CARE_JOURNEY_SQLITE_FILE)`,
        );
      } finally {
        await first.stop();
      }
    });
  });
});
