import type { Row } from '../tables';
import { checkPlacementCodes } from './placement-code-rules';

const ctx2024 = { yearStart: '2023-04-01', yearEnding: '2024-03-31' };
const ctx2025 = { yearStart: '2024-04-01', yearEnding: '2025-03-31' };
const ctx2026 = { yearStart: '2025-04-01', yearEnding: '2026-03-31' };
const row = (PLACE: string, DECOM: string, DEC = ''): Row => ({
  CHILD: `${PLACE}-${DECOM}`,
  DECOM,
  DEC,
  PLACE,
});
const named = (rows: Row[], ctx: typeof ctx2026) =>
  checkPlacementCodes(rows, ctx).map((f) => [f.rule, f.child, f.field]);

describe('self-check: placement types in the year’s code list (146)', () => {
  it('names H5, P2 and Z1 in a 2025/26 return, on any row, even one that started in 2024/25', () =>
    expect(
      named(
        [
          row('H5', '10/01/2025', '01/04/2025'),
          row('H5', '10/01/2025'),
          row('H5', '18/07/2025', '02/11/2025'),
          row('Z1', '05/02/2025'),
          row('P2', '01/09/2023'),
          row('K3', '01/04/2025'),
          row('Z12', '01/04/2025'),
        ],
        ctx2026,
      ),
    ).toEqual([
      ['146', 'H5-10/01/2025', 'PLACE'],
      ['146', 'H5-10/01/2025', 'PLACE'],
      ['146', 'H5-18/07/2025', 'PLACE'],
      ['146', 'Z1-05/02/2025', 'PLACE'],
      ['146', 'P2-01/09/2023', 'PLACE'],
    ]));

  it('passes them in 2024/25, whose list still has them, with K3', () =>
    expect(
      named([row('H5', '10/01/2025'), row('Z1', '05/02/2025'), row('K3', '31/03/2025')], ctx2025),
    ).toEqual([]));

  it('names codes added later: K3 before 2024/25, Z11–Z14 before 2025/26', () => {
    expect(named([row('K3', '01/03/2024')], ctx2024)).toEqual([['146', 'K3-01/03/2024', 'PLACE']]);
    expect(named([row('Z11', '01/03/2025')], ctx2025)).toEqual([['146', 'Z11-01/03/2025', 'PLACE']]);
  });

  it('says which code, episode and year in its message', () =>
    expect(checkPlacementCodes([row('H5', '10/01/2025', '01/04/2025')], ctx2026)[0]?.message).toBe(
      'PLACE H5 (episode from 10/01/2025 to 01/04/2025) is not in the 2025/26 placement type code list',
    ));
});
