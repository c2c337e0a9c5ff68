import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { export903 } from '../export903/export903';
import { import903, type ImportResult } from './import903';
import { importedChildId } from './run-child';
import { episode, header, review, writeTables, type TableRows } from './testing/return-files';

/** Malformed files are reported (file, line, field, reason) and nothing wrong reaches the store. */
describe('import-903 with malformed files', () => {
  let dir: string;
  let store: SqliteEventStore;
  let run = 0;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-import-bad-'));
    store = new SqliteEventStore({ file: join(dir, `store-${run++}.db`), synchronous: 'NORMAL' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const importTables = (tables: TableRows): Promise<ImportResult> => {
    writeTables(join(dir, 'in'), tables);
    return import903(store, join(dir, 'in'), { now: '2025-06-01T09:00:00Z' });
  };
  const errors = (result: ImportResult) =>
    result.issues.filter((i) => i.severity === 'error' && i.field !== '(child)');
  const importedRefs = async () =>
    (await export903(store, { yearEnding: '2025-03-31' })).Header.map((h) => h.CHILD);

  it('imports a valid return and reports nothing', async () => {
    const result = await importTables({
      Header: [header('A1')],
      Episodes: [episode('A1')],
      Reviews: [review('A1', '01/06/2024')],
    });
    expect(result.issues).toEqual([]);
    expect(result.children).toMatchObject({ written: 1, rejected: 0 });
    expect(await importedRefs()).toEqual(['A1']);
  });

  it('stops on a wrong header before writing anything', async () => {
    writeTables(join(dir, 'in'), { Header: [header('A1')], Episodes: [episode('A1')] });
    writeFileSync(
      join(dir, 'in', 'episodes.csv'),
      'CHILD,DECOMM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nA1,01/05/2024,S,C2,N1,U4,PR1,,,,CB1 2AB,CB4 1AA,SC123456\n',
    );
    const result = await import903(store, join(dir, 'in'), { now: '2025-06-01T09:00:00Z' });
    expect(result.aborted).toBe(true);
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        file: 'episodes.csv',
        line: 1,
        field: '(header)',
        reason: expect.stringMatching(/closest is Episodes; missing DECOM; unexpected DECOMM/),
      }),
    );
    expect(await store.headPosition()).toBeUndefined();
  });

  it('stops on a wrong header in any table, not just the required ones', async () => {
    writeTables(join(dir, 'in'), { Header: [header('A1')], Episodes: [episode('A1')] });
    writeFileSync(join(dir, 'in', 'reviews.csv'), 'CHILD,DOB,REVIEW\nA1,01/02/2015,01/06/2024\n');
    const result = await import903(store, join(dir, 'in'), { now: '2025-06-01T09:00:00Z' });
    expect(result.aborted).toBe(true);
    expect(result.issues).toEqual([
      expect.objectContaining({
        file: 'reviews.csv',
        line: 1,
        field: '(header)',
        reason: expect.stringMatching(/closest is Reviews; missing REVIEW_CODE/),
      }),
    ]);
    expect(await store.headPosition()).toBeUndefined();
  });

  it('refuses a UTF-16 file and a Windows-1252 file, naming the encoding', async () => {
    writeTables(join(dir, 'in'), { Header: [header('A1')], Episodes: [episode('A1')] });
    const text = 'CHILD,DOB,REVIEW,REVIEW_CODE\nA1,01/02/2015,01/06/2024,PN1\n';
    writeFileSync(
      join(dir, 'in', 'reviews.csv'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    writeFileSync(
      join(dir, 'in', 'missing.csv'),
      Buffer.from('CHILD,DOB,MISSING,MIS_START,MIS_END\nA1,01/02/2015,M,01/07/2024,\n# caf\xe9\n', 'latin1'),
    );
    const result = await import903(store, join(dir, 'in'), { now: '2025-06-01T09:00:00Z' });
    expect(result.aborted).toBe(true);
    expect(result.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: 'reviews.csv',
          field: '(encoding)',
          reason: expect.stringMatching(/UTF-16/),
        }),
        expect.objectContaining({
          file: 'missing.csv',
          field: '(encoding)',
          reason: expect.stringMatching(/not valid UTF-8 \(byte \d+\)/),
        }),
      ]),
    );
    expect(await store.headPosition()).toBeUndefined();
  });

  it('reports bad dates and unknown codes by line and field; the other children still import', async () => {
    const result = await importTables({
      Header: [header('A1'), header('B2'), header('C3', { ETHNIC: 'XXXX' })],
      Episodes: [
        episode('A1', { DECOM: '31/02/2024' }),
        episode('B2', { LS: 'X9', PLACE: 'Q7' }),
        episode('C3'),
        episode('D4'),
      ],
    });
    expect(errors(result)).toEqual([
      {
        severity: 'error',
        file: 'episodes.csv',
        line: 2,
        child: 'A1',
        field: 'DECOM',
        reason: '"31/02/2024" is not a real date dd/mm/YYYY',
      },
      {
        severity: 'error',
        file: 'episodes.csv',
        line: 3,
        child: 'B2',
        field: 'LS',
        reason: '"X9" is not a LS code',
      },
      {
        severity: 'error',
        file: 'episodes.csv',
        line: 3,
        child: 'B2',
        field: 'PLACE',
        reason: '"Q7" is not a PLACE code',
      },
      {
        severity: 'error',
        file: 'episodes.csv',
        line: 5,
        child: 'D4',
        field: 'CHILD',
        reason: 'the child has no Header row',
      },
      {
        severity: 'error',
        file: 'header.csv',
        line: 4,
        child: 'C3',
        field: 'ETHNIC',
        reason: '"XXXX" is not a ETHNIC code',
      },
    ]);
    expect(result.children).toMatchObject({ total: 4, written: 0, rejected: 4 });
    expect(await store.headPosition()).toBeUndefined();
  });

  it('reports duplicate rows and rows out of order; only the clean child is imported', async () => {
    const result = await importTables({
      Header: [header('A1'), header('B2'), header('C3')],
      Episodes: [
        episode('A1'),
        episode('A1'),
        episode('B2', { DECOM: '01/09/2024', RNE: 'P', PLACE: 'U6' }),
        episode('B2', { DEC: '01/09/2024', REC: 'X1', REASON_PLACE_CHANGE: 'CARPL' }),
        episode('C3'),
      ],
      Reviews: [review('C3', '01/06/2024')],
    });
    expect(errors(result)).toEqual([
      expect.objectContaining({
        file: 'episodes.csv',
        line: 3,
        child: 'A1',
        field: 'DECOM',
        reason: 'duplicate row: the same as episodes.csv:2',
      }),
      expect.objectContaining({
        file: 'episodes.csv',
        line: 5,
        child: 'B2',
        field: 'DECOM',
        reason: expect.stringMatching(/^out of order: 2024-05-01 comes after 2024-09-01 \(episodes.csv:4\)/),
      }),
    ]);
    expect(await importedRefs()).toEqual(['C3']);
  });

  it('reports a journey the domain refuses with the rule, and rows whose RNE contradicts the change', async () => {
    const result = await importTables({
      Header: [header('A1'), header('B2'), header('C3')],
      Episodes: [
        // A review outside any period of care.
        episode('A1', { DEC: '01/07/2024', REC: 'E4A' }),
        // RNE T (same carer) but the placement is unchanged (RNE P would be a change of carer).
        episode('B2', { DEC: '01/09/2024', REC: 'X1', REASON_PLACE_CHANGE: 'PLACE' }),
        episode('B2', { DECOM: '01/09/2024', RNE: 'T' }),
        episode('C3'),
      ],
      Reviews: [review('A1', '01/10/2024')],
    });
    expect(errors(result)).toEqual([
      expect.objectContaining({
        file: 'episodes.csv',
        line: 4,
        child: 'B2',
        field: 'RNE',
        reason: expect.stringMatching(/RNE T does not match what changed/),
      }),
      expect.objectContaining({
        file: 'reviews.csv',
        line: 2,
        child: 'A1',
        field: 'REVIEW',
        reason: expect.stringMatching(/^RecordReview rejected by rule /),
      }),
    ]);
    expect(await importedRefs()).toEqual(['C3']);
    expect(result.children.rejected).toBe(2);
  });

  it('keeps a second run from adding anything, and never touches a journey recorded otherwise', async () => {
    const tables = { Header: [header('A1')], Episodes: [episode('A1')] };
    await importTables(tables);
    const head = await store.headPosition();
    const again = await importTables(tables);
    expect(again.children).toMatchObject({ written: 0, unchanged: 1 });
    expect(await store.headPosition()).toBe(head);
    // The authority's later file says something else about the same episode: a conflict, not an edit.
    const changed = await importTables({
      Header: [header('A1')],
      Episodes: [episode('A1', { PLACE: 'U6' })],
    });
    expect(changed.issues).toContainEqual(
      expect.objectContaining({
        child: 'A1',
        field: '(child)',
        reason: expect.stringMatching(/already holds a different journey/),
      }),
    );
    expect(await store.headPosition()).toBe(head);
    expect(importedChildId('A1')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
