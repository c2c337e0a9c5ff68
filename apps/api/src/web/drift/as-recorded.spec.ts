import { asRecordedName, asRecordedText, driftAsRecorded, isPastReport } from './as-recorded';

const TODAY = '2026-11-28';

describe('a drift report for a date before today is as recorded now, not as known then (review s15-iro F5)', () => {
  it('Given 1 June 2026, When the report is asked for on 28 November, Then the page, the API and the CSV name say it includes entries recorded since, and who can see it as known then', () => {
    expect(isPastReport('2026-06-01', TODAY)).toBe(true);
    expect(asRecordedText('2026-06-01', TODAY)).toBe(
      'As recorded now, not as known then. This report for 1 June 2026 counts everything recorded up to today, 28 November 2026, including entries recorded after 1 June 2026 (a late review, a child added later), so it can differ from a pack printed on 1 June 2026. To see the report as it was known then, ask an auditor ("Drift as known at").',
    );
    expect(driftAsRecorded('2026-06-01', TODAY)).toEqual({
      recordedUpTo: TODAY,
      includes:
        'entries recorded after 2026-06-01 and dated on or before it: as recorded now, not as known on 2026-06-01',
      asKnownThen: expect.stringContaining('GET /audit/drift-report?knownAt='),
    });
    expect(asRecordedName('drift-report-2026-06-01', '2026-06-01', TODAY)).toBe(
      'drift-report-2026-06-01-as-recorded-2026-11-28',
    );
  });

  it('Given today or a date after it, Then nothing is added', () => {
    for (const asAt of [TODAY, '2027-01-01']) {
      expect(isPastReport(asAt, TODAY)).toBe(false);
      expect(driftAsRecorded(asAt, TODAY)).toBeUndefined();
      expect(asRecordedName('drift-x', asAt, TODAY)).toBe('drift-x');
    }
  });
});
