import { userInfo } from 'node:os';
import { join } from 'node:path';
import { useCliSpecStore } from '../testing/cli-spec-store';
import { runExport903 } from '../testing/run-export-903';
import { readAccessTrail, seedChild } from '../testing/spec-children';

describe('care-journey export-903 records the return in the read-access trail', () => {
  const cli = useCliSpecStore({ prefix: 'cj-export-trail-' });

  const exportYear = (...extra: string[]): Promise<void> =>
    runExport903('2025-03-31', join(cli.dir, 'out'), ...extra);

  const trail = () => readAccessTrail(cli.file);

  it('Given two children in care and one never looked after, When the return is exported, Then one operator entry names the two in it', async () => {
    await seedChild(cli.file, { childId: 'c1', childRef: 'CJ0001', inCareFrom: '2024-05-10' });
    await seedChild(cli.file, { childId: 'c2', childRef: 'CJ0002', inCareFrom: '2024-07-01' });
    await seedChild(cli.file, { childId: 'c3', childRef: 'CJ0003' });

    await exportYear('--by', 'carol');

    const entries = await trail();
    expect(entries.map((e) => [e.type, e.data, e.metadata.recordedBy])).toEqual([
      [
        'CaseHistoryRead',
        {
          childId: '*',
          role: 'operator',
          view: 'export903',
          query: { route: 'care-journey export-903', yearEnding: '2025-03-31', out: join(cli.dir, 'out') },
          childIds: ['c1', 'c2'],
        },
        'carol',
      ],
    ]);
  });

  it('Given no --by, When exported, Then the reader is the OS user', async () => {
    await seedChild(cli.file, { childId: 'c1', childRef: 'CJ0001', inCareFrom: '2024-05-10' });

    await exportYear();

    expect((await trail()).map((e) => e.metadata.recordedBy)).toEqual([userInfo().username]);
  });

  it('Given the return already in the folder and no --force, When exported again, Then nothing is written or recorded the second time', async () => {
    await seedChild(cli.file, { childId: 'c1', childRef: 'CJ0001', inCareFrom: '2024-05-10' });
    await exportYear();
    expect(await trail()).toHaveLength(1);

    await exportYear();
    expect(process.exitCode).toBe(1);
    expect(await trail()).toHaveLength(1);

    process.exitCode = undefined;
    await exportYear('--force');
    expect(await trail()).toHaveLength(2);
  });
});
