import type { Row } from '../tables';
import { checkSupportedAccommodation } from './supported-accommodation-rules';

const ctx2024 = { yearStart: '2023-04-01', yearEnding: '2024-03-31' };
const ctx2025 = { yearStart: '2024-04-01', yearEnding: '2025-03-31' };
const row = (PLACE: string, DECOM: string, DEC: string, URN: string, PL_POST = 'CB1 2GF'): Row => ({
  CHILD: `${PLACE}-${DEC || 'open'}-${URN}`,
  DECOM,
  DEC,
  PLACE,
  URN,
  PL_POST,
});

describe('self-check: the October 2023 supported-accommodation rules (2023/24)', () => {
  it('names a P2 episode running past 28 October 2023 (217t)', () => {
    const rows = [
      row('P2', '01/09/2023', '28/10/2023', 'XXXXXXX'),
      row('P2', '01/09/2023', '29/10/2023', 'XXXXXXX'),
      row('P2', '01/09/2023', '', 'XXXXXXX'),
    ];
    expect(checkSupportedAccommodation(rows, ctx2024).map((f) => [f.rule, f.child])).toEqual([
      ['217t', 'P2-29/10/2023-XXXXXXX'],
      ['217t', 'P2-open-XXXXXXX'],
    ]);
  });

  it('names an English H5 episode without a URN running past 28 October 2023 (230)', () => {
    const rows = [
      row('H5', '01/06/2023', '28/10/2023', 'XXXXXXX'),
      row('H5', '28/10/2023', '', 'SC123456'),
      row('H5', '01/06/2023', '02/11/2023', ''),
      row('H5', '01/06/2023', '', 'XXXXXXX'),
      row('H5', '01/06/2023', '', 'XXXXXXX', 'CF10 1EP'),
    ];
    expect(checkSupportedAccommodation(rows, ctx2024).map((f) => [f.rule, f.child])).toEqual([
      ['230', 'H5-02/11/2023-'],
      ['230', 'H5-open-XXXXXXX'],
    ]);
  });

  it('checks only 2023/24: both rules were deleted for 2024/25', () =>
    expect(checkSupportedAccommodation([row('P2', '01/09/2023', '', 'XXXXXXX')], ctx2025)).toEqual([]));
});
