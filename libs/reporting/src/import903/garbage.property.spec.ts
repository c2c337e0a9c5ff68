import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { export903 } from '../export903/export903';
import { import903 } from './import903';
import { upnOf, writeTables } from './testing/return-files';

// Each column usually draws a valid value (the first), sometimes a near miss, now and then any string.
const pick = (valid: string, ...others: string[]) =>
  fc.oneof(
    { weight: 40, arbitrary: fc.constant(valid) },
    { weight: 4, arbitrary: fc.constantFrom(valid, ...others) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
const child = fc.oneof(fc.constantFrom('A1', 'B2', 'C3', 'D4'), pick('E5', '', 'x y'));
const date = pick(
  '01/05/2024',
  '15/06/2024',
  '01/09/2024',
  '01/12/2024',
  '31/02/2024',
  '2024-05-01',
  '',
  '01/01/2026',
);
const end = pick('', '01/09/2024', '01/12/2024', '31/02/2024');

// Each child's own UPN, now and then one another child gives too (a UPN belongs to one child).
const headerRow = child.chain((CHILD) =>
  fc.record({
    CHILD: fc.constant(CHILD),
    SEX: pick('M', '1', '2', 'F', '3', ''),
    DOB: pick('01/02/2015', '01/02/2023', '30/02/2015', ''),
    ETHNIC: pick('WBRI', 'BAFR', 'XXXX', ''),
    UPN: pick(upnOf(CHILD), 'A123456789012', 'UN1', 'bad'),
    MOTHER: pick(''),
    MC_DOB: pick(''),
  }),
);
const episodeRow = fc.record({
  CHILD: child,
  DECOM: date,
  RNE: pick('S', 'P', 'L', 'T', 'B', 'U', 'Q'),
  LS: pick('C2', 'C1', 'V2', 'E1', 'J1', 'X9'),
  CIN: pick('N1', 'N4', 'N9'),
  PLACE: pick('U4', 'U6', 'K2', 'T1', 'A5', 'P1', 'Q7'),
  PLACE_PROVIDER: pick('PR1', 'PR4', 'PR0', '', 'PR9'),
  DEC: end,
  REC: pick('', 'X1', 'E4A', 'E11', 'E99'),
  REASON_PLACE_CHANGE: pick('', 'CARPL', 'OTHER', 'NOPE'),
  HOME_POST: pick('CB1 2AB', ''),
  PL_POST: pick('CB4 1AA', 'CB5 8QQ', ''),
  URN: pick('SC123456', ''),
});
const reviewRow = fc.record({
  CHILD: child,
  DOB: pick('01/02/2015'),
  REVIEW: date,
  REVIEW_CODE: pick('PN1', 'PN0', 'PN7', 'PX', ''),
});

const SEX: Record<string, string> = { M: '1', F: '2', '1': '1', '2': '2' };

/** Random garbage never crashes the importer, and nothing it imports is anything but what a clean row said. */
describe('import-903 on random rows', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'cj-import-fc-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('never throws, never imports a child with a reported error, imports only what the rows say', async () => {
    let run = 0;
    let imported = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(headerRow, { maxLength: 5 }),
        fc.array(episodeRow, { maxLength: 8 }),
        fc.array(reviewRow, { maxLength: 4 }),
        async (Header, Episodes, Reviews) => {
          const folder = join(dir, `run-${run++}`);
          writeTables(folder, { Header, Episodes, Reviews });
          const store = new SqliteEventStore({ file: join(folder, 'store.db'), synchronous: 'NORMAL' });
          try {
            const result = await import903(store, folder, { now: '2025-06-01T09:00:00Z' });
            imported += result.children.written;
            const rejected = new Set(result.issues.filter((i) => i.severity === 'error').map((i) => i.child));
            for (const yearEnding of ['2025-03-31', '2026-03-31']) {
              const out = await export903(store, { yearEnding });
              for (const h of out.Header) {
                expect(rejected.has(h.CHILD)).toBe(false);
                expect(Header).toContainEqual(
                  expect.objectContaining({ CHILD: h.CHILD, DOB: h.DOB, ETHNIC: h.ETHNIC, UPN: h.UPN }),
                );
                expect(
                  Header.some(
                    (row) =>
                      row.CHILD === h.CHILD && SEX[row.SEX] !== undefined && SEX[row.SEX] === SEX[h.SEX],
                  ),
                ).toBe(true);
              }
              for (const e of out.Episodes) {
                expect(Episodes).toContainEqual(
                  expect.objectContaining({
                    CHILD: e.CHILD,
                    DECOM: e.DECOM,
                    LS: e.LS,
                    CIN: e.CIN,
                    PLACE: e.PLACE,
                  }),
                );
              }
            }
          } finally {
            await store.close();
          }
        },
      ),
      { numRuns: 80, seed: 903 },
    );
    // Not vacuous: some random returns are clean enough to import.
    expect(imported).toBeGreaterThan(3);
  }, 120_000);
});
