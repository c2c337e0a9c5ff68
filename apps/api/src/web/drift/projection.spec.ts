import { parseDriftQuery } from './drift-query';
import { csvName, driftProjection, isProjection, projectionText } from './projection';

const TODAY = '2026-11-27';

describe('a drift report for a date after today is a projection (web review #2)', () => {
  it('Given a date after today, when the report is asked for, then it is answered and marked as a projection from today', () => {
    const query = parseDriftQuery({ asAt: '2027-06-01' }, TODAY);
    expect(query).toMatchObject({ asAt: '2027-06-01', today: TODAY, errors: [] });
    expect(isProjection(query.asAt, query.today)).toBe(true);
    expect(driftProjection('2027-06-01', TODAY)).toEqual({
      from: TODAY,
      assumes: 'nothing else is recorded after 2026-11-27: a step taken by 2027-06-01 closes its flag',
    });
    expect(projectionText('2027-06-01', TODAY)).toBe(
      'This is a projection. 1 June 2027 is after today, 27 November 2026: these are the flags that would be open then if nothing else is recorded. Any step recorded before then closes its flag.',
    );
    expect(csvName('drift-report', '2027-06-01', TODAY)).toBe('drift-report-projection-2027-06-01');
  });

  it('Given today or a past date, when the report is asked for, then it is not a projection', () => {
    for (const asAt of [TODAY, '2025-03-31']) {
      expect(isProjection(asAt, TODAY)).toBe(false);
      expect(driftProjection(asAt, TODAY)).toBeUndefined();
      expect(csvName('drift', asAt, TODAY)).toBe(`drift-${asAt}`);
    }
  });

  it('Given an impossible date, when parsed, then the message names the field "As at date"', () => {
    const query = parseDriftQuery({ asAt: '2026-02-30' }, TODAY);
    expect(query.errors.map((e) => e.message)).toEqual([
      'As at date must be a real date, YYYY-MM-DD, for example 2025-03-31',
    ]);
  });
});
