import { emptyReturn, type Row } from '../tables';
import { validateReturn } from '../validate-return';
import { checkLocations, placesWithoutUrn } from './location-rules';

const y2526 = { yearStart: '2025-04-01', yearEnding: '2026-03-31' };
const y2425 = { yearStart: '2024-04-01', yearEnding: '2025-03-31' };
const episode = (fields: Partial<Row>): Row => ({
  CHILD: 'LA-000123',
  DECOM: '04/05/2025',
  RNE: 'S',
  LS: 'C1',
  CIN: 'N1',
  PLACE: 'U6',
  PLACE_PROVIDER: 'PR1',
  DEC: '',
  REC: '',
  REASON_PLACE_CHANGE: '',
  HOME_POST: 'CB1 2AB',
  PL_POST: 'CB4 1AA',
  URN: 'SC123456',
  ...fields,
});
const rulesFor = (rows: Row[], ctx = y2526, uasc: Row[] = []) =>
  checkLocations({ Episodes: rows, UASC: uasc }, ctx).map((f) => `${f.rule} ${f.field}`);

describe('self-check: where the child was placed (DfE 218, 392a, 392b)', () => {
  it('Given a foster placement with URN and both postcodes, then nothing is reported', () =>
    expect(rulesFor([episode({})])).toEqual([]));

  it('Given the apps/api README example (no URN, no home postcode), then 218, 392a and 392b are reported', () =>
    expect(rulesFor([episode({ URN: '', HOME_POST: '' })])).toEqual([
      '218 URN',
      '392a PL_DISTANCE',
      '392b HOME_POST',
    ]));

  it('Given XXXXXXX for a setting with no URN, then 218 is met', () =>
    expect(rulesFor([episode({ URN: 'XXXXXXX' })])).toEqual([]));

  it.each(['P1', 'P3', 'R1', 'R2', 'R5', 'T0', 'T4', 'Z11', 'Z14'])(
    'Given PLACE %s (exempt from 218 in 2025/26), then no URN is needed',
    (PLACE) => expect(rulesFor([episode({ PLACE, URN: '' })])).toEqual([]),
  );

  it('Given H5 or P2 without URN, then 218 applies from 2024/25 but not in 2023/24', () => {
    expect(rulesFor([episode({ PLACE: 'H5', URN: '' })], y2425)).toEqual(['218 URN']);
    expect(rulesFor([episode({ PLACE: 'P2', URN: '' })], y2425)).toEqual(['218 URN']);
    expect(placesWithoutUrn('2024-03-31')).toEqual(expect.arrayContaining(['H5', 'P2', 'Z1']));
    expect(placesWithoutUrn('2026-03-31')).not.toContain('Z1');
  });

  it('Given an episode that ended before the collection year, then 218 does not apply', () =>
    expect(rulesFor([episode({ DECOM: '01/01/2025', DEC: '31/03/2025', URN: '' })])).toEqual([]));

  it('Given a placement in Scotland, Wales or Northern Ireland, then 218 does not apply', () =>
    expect(
      rulesFor([episode({ PL_POST: 'EH1 1AA', URN: '' }), episode({ PL_POST: 'CF10 1AA', URN: '' })]),
    ).toEqual([]));

  it('Given no placement postcode, then 218 applies from 2025/26 only (the validator took it as outside England before)', () => {
    expect(rulesFor([episode({ PL_POST: '', URN: '' })])).toContain('218 URN');
    expect(rulesFor([episode({ PL_POST: '', URN: '' })], y2425)).not.toContain('218 URN');
  });

  it('Given a short break (V3/V4) or a UASC child, then 392a and 392b do not apply', () => {
    expect(rulesFor([episode({ LS: 'V3', PLACE: 'T0', HOME_POST: '', PL_POST: '', URN: '' })])).toEqual([]);
    expect(rulesFor([episode({ HOME_POST: '' })], y2526, [{ CHILD: 'LA-000123' }])).toEqual([]);
  });

  it('Given a return whose episodes lack a URN, when the whole self-check runs, then 218 is among its failures', () =>
    expect(
      validateReturn(
        { ...emptyReturn(), Episodes: [episode({ URN: '' })] },
        { yearEnding: '2026-03-31' },
      ).map((f) => f.rule),
    ).toContain('218'));
});
