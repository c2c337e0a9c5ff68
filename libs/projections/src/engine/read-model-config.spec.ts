import { availableParallelism } from 'node:os';
import { MIN_EVENTS_PER_THREAD } from './partitioned-rebuild';
import { loadReadModelConfig } from './read-model-config';

describe('read-model configuration', () => {
  it('defaults to thread projection (as the API: one parser), beside a SQLite event store', () => {
    const config = loadReadModelConfig(
      {},
      { kind: 'sqlite', file: '/var/cj/events.db', synchronous: 'FULL' },
    );
    expect(config).toMatchObject({
      mode: 'thread',
      file: '/var/cj/events.db.read-models.db',
      batchSize: 500,
      readYourWritesTimeoutMs: 5000,
    });
    expect(loadReadModelConfig({}).file).toBe('./data/read-models.db');
    expect(config.rebuildThreads).toBe(Math.min(2, availableParallelism()));
    expect(config.rebuildMinEventsPerThread).toBe(MIN_EVENTS_PER_THREAD);
  });

  it('takes the file, mode, batch, timeout and drift thresholds from the environment', () => {
    const config = loadReadModelConfig({
      CARE_JOURNEY_READMODEL_FILE: '/tmp/rm.db',
      CARE_JOURNEY_PROJECTIONS: 'worker',
      CARE_JOURNEY_PROJECTION_BATCH: '1000',
      CARE_JOURNEY_READ_YOUR_WRITES_TIMEOUT_MS: '2000',
      CARE_JOURNEY_DRIFT_THRESHOLDS: '{"DR07":{"days":365},"DR11":{"months":{"adoption":12}}}',
    });
    expect(config).toMatchObject({
      file: '/tmp/rm.db',
      mode: 'worker',
      batchSize: 1000,
      readYourWritesTimeoutMs: 2000,
    });
    expect(config.drift.DR07.days).toBe(365);
    expect(config.drift.DR11.months).toMatchObject({ adoption: 12, return_home: 6 });
    expect(loadReadModelConfig({ CARE_JOURNEY_PROJECTIONS: 'thread' }).mode).toBe('thread');
    expect(loadReadModelConfig({ CARE_JOURNEY_REBUILD_THREADS: '3' }).rebuildThreads).toBe(3);
    expect(
      loadReadModelConfig({ CARE_JOURNEY_REBUILD_MIN_EVENTS_PER_THREAD: '1000' }).rebuildMinEventsPerThread,
    ).toBe(1000);
  });

  it('Given CARE_JOURNEY_PROJECTOR_NICE unset, Then 0; Given 0–19, Then taken; Given anything else, Then refused naming it and the rule', () => {
    expect(loadReadModelConfig({}).projectorNice).toBe(0);
    expect(loadReadModelConfig({ CARE_JOURNEY_PROJECTOR_NICE: '10' }).projectorNice).toBe(10);
    expect(loadReadModelConfig({ CARE_JOURNEY_PROJECTOR_NICE: ' 19 ' }).projectorNice).toBe(19);
    for (const bad of ['-1', '20', '2.5', 'low'])
      expect(() => loadReadModelConfig({ CARE_JOURNEY_PROJECTOR_NICE: bad })).toThrow(
        `CARE_JOURNEY_PROJECTOR_NICE: must be a whole number 0–19 (0: the API's own priority), got "${bad}"`,
      );
  });

  it('names the variable and the rule when a setting is wrong', () => {
    expect(() => loadReadModelConfig({ CARE_JOURNEY_PROJECTIONS: 'sometimes' })).toThrow(
      /CARE_JOURNEY_PROJECTIONS: allowed values/,
    );
    expect(() => loadReadModelConfig({ CARE_JOURNEY_PROJECTION_BATCH: '0' })).toThrow(
      /CARE_JOURNEY_PROJECTION_BATCH/,
    );
    expect(() => loadReadModelConfig({ CARE_JOURNEY_REBUILD_THREADS: 'two' })).toThrow(
      /CARE_JOURNEY_REBUILD_THREADS/,
    );
    for (const bad of ['0', '-5', '2.5', 'many'])
      expect(() => loadReadModelConfig({ CARE_JOURNEY_REBUILD_MIN_EVENTS_PER_THREAD: bad })).toThrow(
        `CARE_JOURNEY_REBUILD_MIN_EVENTS_PER_THREAD: must be a whole number >= 1, got "${bad}"`,
      );
    expect(() => loadReadModelConfig({ CARE_JOURNEY_DRIFT_THRESHOLDS: '[1]' })).toThrow(
      /CARE_JOURNEY_DRIFT_THRESHOLDS/,
    );
  });

  it("Given no setting, Then the worker's heartbeat is every 5 s and stale after 3 missed; given bad values, Then start-up stops naming the variable", () => {
    expect(loadReadModelConfig({}).heartbeat).toEqual({ intervalMs: 5_000, staleIntervals: 3 });
    expect(
      loadReadModelConfig({
        CARE_JOURNEY_PROJECTOR_HEARTBEAT_MS: '1000',
        CARE_JOURNEY_PROJECTOR_STALE_INTERVALS: '5',
      }).heartbeat,
    ).toEqual({ intervalMs: 1_000, staleIntervals: 5 });
    for (const name of ['CARE_JOURNEY_PROJECTOR_HEARTBEAT_MS', 'CARE_JOURNEY_PROJECTOR_STALE_INTERVALS'])
      expect(() => loadReadModelConfig({ [name]: '0' })).toThrow(
        `${name}: must be a whole number >= 1, got "0"`,
      );
  });

  it("takes the projector's retry waits (first, cap), and refuses a cap below the first wait naming both", () => {
    expect(loadReadModelConfig({}).retry).toEqual({ firstDelayMs: 1_000, maxDelayMs: 300_000 });
    expect(
      loadReadModelConfig({
        CARE_JOURNEY_PROJECTOR_RETRY_MS: '500',
        CARE_JOURNEY_PROJECTOR_RETRY_MAX_MS: '8000',
      }).retry,
    ).toEqual({ firstDelayMs: 500, maxDelayMs: 8_000 });
    expect(() =>
      loadReadModelConfig({
        CARE_JOURNEY_PROJECTOR_RETRY_MS: '5000',
        CARE_JOURNEY_PROJECTOR_RETRY_MAX_MS: '1000',
      }),
    ).toThrow(
      'CARE_JOURNEY_PROJECTOR_RETRY_MAX_MS: must be at least CARE_JOURNEY_PROJECTOR_RETRY_MS (5000), got "1000"',
    );
    expect(() => loadReadModelConfig({ CARE_JOURNEY_PROJECTOR_RETRY_MS: '0' })).toThrow(
      'CARE_JOURNEY_PROJECTOR_RETRY_MS: must be a whole number >= 1, got "0"',
    );
  });
});
