import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { applyFromStore, ReadModelStore } from '@care-journey/projections';
import { appendInterleaved, sampleCohort, tempDir } from '../../libs/projections/src/testing/log-fixtures';
import { interleavedProjectors } from './interleaved-projectors';

describe('the live projector, A against B, batches in turn', () => {
  let temp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    temp = tempDir('cj-interleaved-');
  });
  afterEach(() => temp.remove());

  it('Given a log, When both sides apply it, Then each applies every event once, the last `timed` counted, and the read models are removed', async () => {
    const storeFile = join(temp.dir, 'events.db');
    const store = new SqliteEventStore({ file: storeFile });
    await appendInterleaved(store, sampleCohort(4));
    let total = 0;
    for await (const _event of store.readAll()) total += 1;
    await store.close();

    const applied = [0, 0];
    const build = (side: number) => ({
      SqliteEventStore,
      ReadModelStore,
      applyFromStore: (...args: Parameters<typeof applyFromStore>) => {
        applied[side] += args[3].length;
        return applyFromStore(...args);
      },
    });
    const modelsDir = join(temp.dir, 'models');
    mkdirSync(modelsDir);
    const result = await interleavedProjectors([build(0), build(1)], {
      storeFile,
      dir: modelsDir,
      batch: 3,
      timed: 10,
      warm: 5,
    });

    expect(applied).toEqual([total, total]);
    expect(result.events).toBe(10);
    for (const cpu of result.cpuUsPerEvent) expect(cpu).toBeGreaterThan(0);
    expect(readdirSync(modelsDir)).toEqual([]);
  });
});
