import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { export903 } from '../export903/export903';
import { import903, type ImportResult } from './import903';
import { episode, header, review, writeTables, type TableRows } from './testing/return-files';

/** The DOB a child table repeats is checked against the Header's; a changed row on re-import is named. */
describe('import-903: DOBs in the child tables, and rows changed since the last import', () => {
  let dir: string;
  let store: SqliteEventStore;
  let run = 0;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-import-dob-'));
    store = new SqliteEventStore({ file: join(dir, `store-${run++}.db`), synchronous: 'NORMAL' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const importTables = (tables: TableRows, folder = 'in'): Promise<ImportResult> => {
    writeTables(join(dir, folder), tables);
    return import903(store, join(dir, folder), { now: '2025-06-01T09:00:00Z' });
  };
  const importedRefs = async () =>
    (await export903(store, { yearEnding: '2025-03-31' })).Header.map((h) => h.CHILD);
  const rowErrors = (result: ImportResult) =>
    result.issues.filter((i) => i.severity === 'error' && i.field !== '(child)');

  const WRONG_DOB = '02/02/2015'; // the Header says 01/02/2015
  const childTables: [string, string, TableRows][] = [
    ['reviews.csv', 'Reviews', { Reviews: [{ ...review('A1', '01/06/2024'), DOB: WRONG_DOB }] }],
    [
      'missing.csv',
      'Missing',
      {
        Missing: [
          { CHILD: 'A1', DOB: WRONG_DOB, MISSING: 'M', MIS_START: '03/06/2024', MIS_END: '04/06/2024' },
        ],
      },
    ],
    [
      'previous_permanence.csv',
      'PrevPerm',
      { PrevPerm: [{ CHILD: 'A1', DOB: WRONG_DOB, PREV_PERM: 'Z1', LA_PERM: '', DATE_PERM: '' }] },
    ],
    ['uasc.csv', 'UASC', { UASC: [{ CHILD: 'A1', SEX: 'M', DOB: WRONG_DOB, DUC: '01/02/2033' }] }],
  ];

  it.each(childTables)(
    'Given a %s row whose DOB is not the Header DOB, When imported, Then an error names the file, line, DOB and the rule, and nothing of that child is imported (the other child is)',
    async (file, _table, rows) => {
      const result = await importTables({
        Header: [header('A1'), header('B2')],
        Episodes: [episode('A1'), episode('B2')],
        ...rows,
      });
      expect(rowErrors(result)).toEqual([
        expect.objectContaining({
          file,
          line: 2,
          child: 'A1',
          field: 'DOB',
          reason: expect.stringMatching(/Header DOB \(header\.csv:2\): rule dob-matches-header/),
        }),
      ]);
      // The report names where to look, not the dates of birth.
      expect(rowErrors(result)[0].reason).not.toContain('2015');
      expect(result.children).toMatchObject({ written: 1, rejected: 1 });
      expect(await importedRefs()).toEqual(['B2']);
    },
  );

  it('Given every child-table DOB equal to the Header DOB, When imported, Then nothing is reported', async () => {
    const result = await importTables({
      Header: [header('A1')],
      Episodes: [episode('A1')],
      Reviews: [review('A1', '01/06/2024')],
      PrevPerm: [{ CHILD: 'A1', DOB: '01/02/2015', PREV_PERM: 'Z1', LA_PERM: '', DATE_PERM: '' }],
    });
    expect(result.issues).toEqual([]);
    expect(await importedRefs()).toEqual(['A1']);
  });

  it('Given an imported child, When a review code is changed and the files imported again, Then the conflict names reviews.csv, the line and REVIEW_CODE, and the store is unchanged', async () => {
    const tables = {
      Header: [header('A1')],
      Episodes: [episode('A1')],
      Reviews: [review('A1', '01/06/2024'), review('A1', '01/09/2024')],
    };
    await importTables(tables);
    const head = await store.headPosition();
    const changed = await importTables(
      { ...tables, Reviews: [review('A1', '01/06/2024'), review('A1', '01/09/2024', 'PN2')] },
      'in2',
    );
    expect(rowErrors(changed)).toEqual([
      expect.objectContaining({
        file: 'reviews.csv',
        line: 3,
        child: 'A1',
        field: 'REVIEW (REVIEW_CODE)',
        reason: expect.stringMatching(
          /already holds a different journey .*StatutoryReviewHeld, this row changes REVIEW_CODE/,
        ),
      }),
    ]);
    expect(await store.headPosition()).toBe(head);
  });

  it('Given an imported child, When the placement type of its episode is changed, Then the conflict names episodes.csv, the line and PLACE', async () => {
    await importTables({ Header: [header('A1')], Episodes: [episode('A1')] });
    const changed = await importTables(
      { Header: [header('A1')], Episodes: [episode('A1', { PLACE: 'U6' })] },
      'in2',
    );
    expect(rowErrors(changed)).toEqual([
      expect.objectContaining({ file: 'episodes.csv', line: 2, child: 'A1', field: 'DECOM (PLACE)' }),
    ]);
  });
});
