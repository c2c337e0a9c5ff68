import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { dateInEngland } from '@care-journey/journey';
import { defaultReadModelFile, ReadModelStore } from '@care-journey/projections';
import { child, placed } from '../../../../libs/projections/src/authority/testing/authority-journey';
import { appendEvents, tempDir } from '../../../../libs/projections/src/testing/log-fixtures';
import { buildProgram } from '../program';

describe('care-journey measures', () => {
  let temp: ReturnType<typeof tempDir>;
  let output: string;
  let errors: string;
  let env: NodeJS.ProcessEnv;
  let file: string;

  beforeEach(async () => {
    temp = tempDir('cj-measures-cli-');
    file = join(temp.dir, 'events.db');
    const store = new SqliteEventStore({ file });
    const c = child('a')
      .child('2010-01-01')
      .startsIn('2024-01-15', placed('U4', 'PR1'))
      .endCare('2024-02-10', 'E41');
    await appendEvents(store, 'a', c.events);
    await store.close();
    env = process.env;
    process.env = {
      ...env,
      CARE_JOURNEY_SQLITE_FILE: file,
      CARE_JOURNEY_STORE: 'sqlite',
      CARE_JOURNEY_AUTHORITY: '{"childPopulation": 10000}',
    };
    delete process.env.CARE_JOURNEY_READMODEL_FILE; // beside the store, in the temp folder
    output = '';
    errors = '';
    process.exitCode = undefined;
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((output += String(chunk)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((errors += String(chunk)), true));
  });

  afterEach(() => {
    process.exitCode = undefined;
    process.env = env;
    jest.restoreAllMocks();
    temp.remove();
  });

  it('prints the monthly series as CSV', async () => {
    await buildProgram().parseAsync([
      'node',
      'care-journey',
      'measures',
      '--from',
      '2024-01',
      '--to',
      '2024-03',
      '--format',
      'csv',
      '--today',
      '2024-04-01',
    ]);
    const [header, ...rows] = output.trim().split('\n');
    const columns = header.split(',');
    const cell = (row: string, column: string) => row.split(',')[columns.indexOf(column)];
    expect(
      rows.map((row) => [
        cell(row, 'month'),
        cell(row, 'lookedAfter.count'),
        cell(row, 'lookedAfter.ratePer10000'),
        cell(row, 'flows.ceasedByRoute.child_arrangements_order'),
      ]),
    ).toEqual([
      ['2024-01', '1', '1', '0'],
      ['2024-02', '0', '0', '1'],
      ['2024-03', '0', '0', '0'],
    ]);
  });

  it('prints JSON when asked', async () => {
    await buildProgram().parseAsync([
      'node',
      'care-journey',
      'measures',
      '--from',
      '2024-01',
      '--to',
      '2024-01',
      '--format',
      'json',
    ]);
    expect(JSON.parse(output)).toMatchObject({
      authority: { la: 'E10000003' },
      rows: [{ month: '2024-01', flows: { started: 1 } }],
    });
  });

  it('reads the read models, caught up with the log, and leaves them caught up for the next run', async () => {
    const run = () =>
      buildProgram().parseAsync([
        'node',
        'care-journey',
        'measures',
        '--from',
        '2024-03',
        '--to',
        '2024-03',
        '--format',
        'json',
      ]);
    await run();
    expect(JSON.parse(output)).toMatchObject({ rows: [{ flows: { started: 0 } }] });

    const store = new SqliteEventStore({ file });
    const b = child('b').child('2010-01-01').startsIn('2024-03-05', placed('U4', 'PR1'));
    await appendEvents(store, 'b', b.events);
    await store.close();
    output = '';
    await run();
    expect(JSON.parse(output)).toMatchObject({
      rows: [{ lookedAfter: { count: 1 }, flows: { started: 1 } }],
    });

    const readModels = new ReadModelStore(defaultReadModelFile(file));
    expect(readModels.childIds()).toEqual(['a', 'b']);
    readModels.close();
  });

  describe('dates after today (not-after-today.ts, as the measures API)', () => {
    const today = () => dateInEngland(new Date().toISOString());
    const run = (...args: string[]) =>
      buildProgram().parseAsync(['node', 'care-journey', 'measures', '--format', 'json', ...args]);

    it('Given a year still to come, When asked for its months, Then it is refused naming --from and the rule notAfterToday, and nothing is read or written', async () => {
      await run('--from', '2099-04', '--to', '2100-03');
      expect(process.exitCode).toBe(1);
      expect(output).toBe('');
      expect(errors).toBe(
        `measures: --from: --from must not be after today (${today()}, in England): the figures to 2099-04-30 are not known until that day has passed (rule notAfterToday)\n`,
      );
      // Refused before the store was opened: no read-model file was made beside it.
      expect(existsSync(defaultReadModelFile(file))).toBe(false);
    });

    it('Given a --today after today, When run, Then it is refused naming --today and the rule notAfterToday', async () => {
      await run('--from', '2024-01', '--to', '2024-03', '--today', '2099-01-01');
      expect(process.exitCode).toBe(1);
      expect(output).toBe('');
      expect(errors).toContain(`measures: --today: --today must not be after today (${today()}, in England)`);
      expect(errors).toContain('(rule notAfterToday)');
    });

    it('Given a window that runs past today, When run, Then the months not ended are left out, as GET /measures leaves them out', async () => {
      await run('--from', '2024-01', '--to', '2024-04', '--today', '2024-03-15');
      expect(process.exitCode ?? 0).toBe(0);
      expect((JSON.parse(output) as { rows: { month: string }[] }).rows.map((r) => r.month)).toEqual([
        '2024-01',
        '2024-02',
      ]);
    });
  });
});
