/**
 * The read models choose whose streams the worklist reads: the net must never be narrower than the
 * domain's rule (careLeaverContactsDueOn), or a young person due a contact would be left off.
 */
import { addDays, addMonths, type CalendarDate } from '@care-journey/journey';
import type { PeriodOfCare } from '@care-journey/projections';
import { careLeaverContactsDueOn, missedListedFrom, type ChildRecord } from '@care-journey/reporting';
import { mayHaveContactListed } from './worklist-candidates';
import { careLeaverRecord } from '../../../../../libs/reporting/src/care-leavers/testing/care-leaver-record';

/** The summary's part the net reads, as the read models hold it for the record. */
const summaryOf = (record: ChildRecord) => ({
  dateOfBirth: record.registration.dateOfBirth,
  periods: record.periods.map((p) => ({ end: p.end }) as PeriodOfCare),
});

describe('the worklist candidates (which streams are read)', () => {
  it('Given care leavers born every 9 days over six years, When listed on many days with the default and a wide missedSince, Then every young person with a row was a candidate', () => {
    const records: ChildRecord[] = [];
    // Born 2002-06-01 to 2008-06-01, in care 10/01/2023 to 10/01/2024 (E5): the young ones are care
    // leavers at 17 (some of them at 18 too, the older ones at none: the net need not know).
    for (let dob: CalendarDate = '2002-06-01', i = 0; dob < '2008-06-01'; dob = addDays(dob, 9), i += 1)
      records.push(careLeaverRecord(`D${i}`, dob, { leftOn: '2024-01-10' }));
    let rowsChecked = 0;
    for (let asAt: CalendarDate = '2023-09-01'; asAt < '2027-06-01'; asAt = addMonths(asAt, 1))
      for (const missedSince of [missedListedFrom(asAt), '2020-01-01', addDays(asAt, -10)]) {
        const rows = careLeaverContactsDueOn(records, asAt, missedSince);
        rowsChecked += rows.length;
        const missedOut = rows.filter(
          (row) =>
            !mayHaveContactListed(
              summaryOf(records.find((r) => r.childId === row.childId)!),
              asAt,
              missedSince,
            ),
        );
        expect({ asAt, missedSince, missedOut }).toEqual({ asAt, missedSince, missedOut: [] });
      }
    // The check ran over real rows, not an empty list.
    expect(rowsChecked).toBeGreaterThan(500);
  });

  it('Given a child still looked after, or one with no date of birth, Then it is no candidate (no care has ended)', () => {
    const inCare = careLeaverRecord('INCARE', '2007-06-01');
    expect(mayHaveContactListed(summaryOf(inCare), '2024-07-15', '2024-04-01')).toBe(false);
    expect(
      mayHaveContactListed({ periods: [{ end: '2024-01-10' } as PeriodOfCare] }, '2024-07-15', '2024-04-01'),
    ).toBe(false);
  });

  it('Given a care leaver, When the day is years after the 21st birthday, Then it is no candidate (its stream is not read)', () => {
    const leaver = careLeaverRecord('OLD', '2006-06-01', { leftOn: '2024-01-10' });
    // The 21st birthday is 01/06/2027; its contact's last day 01/09/2027.
    expect(mayHaveContactListed(summaryOf(leaver), '2030-11-28', missedListedFrom('2030-11-28'))).toBe(false);
    expect(mayHaveContactListed(summaryOf(leaver), '2027-08-01', missedListedFrom('2027-08-01'))).toBe(true);
  });
});
