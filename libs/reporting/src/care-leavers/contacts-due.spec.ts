/**
 * The leaving care team's list of OC3 contacts due (review s17 F4), by the domain's rule: the
 * review's RVLC03, born 01/06/2007, looked after under V2 from 10/01/2023 to 10/01/2024 (E5), a
 * relevant child; the 17th birthday is 01/06/2024, its contact can be recorded from 01/03/2024 to
 * 01/09/2024.
 */
import { careLeaverContactsDueOn, missedListedFrom } from './contacts-due';
import { careLeaverRecord } from './testing/care-leaver-record';

/** Left care on 10/01/2024 (E5), with a contact on `contactOn` if given. */
const careLeaver = (childRef: string, dateOfBirth: string, contactOn?: string) =>
  careLeaverRecord(childRef, dateOfBirth, { leftOn: '2024-01-10', contacts: contactOn ? [contactOn] : [] });

const listOn = (today: string, ...children: ReturnType<typeof careLeaver>[]) =>
  careLeaverContactsDueOn(children, today).map((r) => [r.childRef, r.age, r.birthday, r.lastDay, r.status]);
const listSince = (today: string, missedSince: string, child: ReturnType<typeof careLeaver>) =>
  careLeaverContactsDueOn([child], today, missedSince).map((r) => [r.age, r.birthday, r.status]);

describe('care leavers’ OC3 contacts due, authority-wide', () => {
  it('Given RVLC03 with no contact, When the list is read on 15/07/2024, Then the 17th birthday is due until 01/09/2024', () =>
    expect(listOn('2024-07-15', careLeaver('RVLC03', '2007-06-01'))).toEqual([
      ['RVLC03', 17, '2024-06-01', '2024-09-01', 'due'],
    ]));

  it('Given the same, When read on 02/09/2024, Then it is missed (its OC3 row will be blank)', () =>
    expect(listOn('2024-09-02', careLeaver('RVLC03', '2007-06-01'))).toEqual([
      ['RVLC03', 17, '2024-06-01', '2024-09-01', 'missed'],
    ]));

  it('Given a contact recorded on 10/06/2024, When read on 15/07/2024, Then nothing is due', () =>
    expect(listOn('2024-07-15', careLeaver('RVLC03', '2007-06-01', '2024-06-10'))).toEqual([]));

  it('Given the list on 29/02/2024, Then nothing: the window before the 17th birthday opens on 01/03/2024', () =>
    expect(listOn('2024-02-29', careLeaver('RVLC03', '2007-06-01'))).toEqual([]));

  it('Given two care leavers, When read on 05/03/2025, Then the missed 17th comes first, then the 18ths now due, soonest last day first', () =>
    expect(
      listOn('2025-03-05', careLeaver('B2', '2007-06-01', '2024-06-10'), careLeaver('A1', '2007-04-01')),
    ).toEqual([
      ['A1', 17, '2024-04-01', '2024-07-01', 'missed'],
      ['A1', 18, '2025-04-01', '2025-07-01', 'due'],
      ['B2', 18, '2025-06-01', '2025-09-01', 'due'],
    ]));

  // Review s17 diff F2: a missed birthday stayed on the list for ever. Born 01/06/2006, in care
  // 10/01/2023 to 10/01/2024 (E5): 18 on 01/06/2024, 19 on 01/06/2025, 20 on 01/06/2026.
  it('Given a care leaver with no contact since, When read on 28/11/2026, Then only the birthdays from 01/04/2025 (the 2025/26 return, made after 31/03/2026, and this year) are listed missed', () =>
    expect(listOn('2026-11-28', careLeaver('OLD', '2006-06-01'))).toEqual([
      ['OLD', 19, '2025-06-01', '2025-09-01', 'missed'],
      ['OLD', 20, '2026-06-01', '2026-09-01', 'missed'],
    ]));

  it('Given the same, When read with missed rows widened to 2020, Then the 18th birthday missed in 2024 is listed too', () =>
    expect(listSince('2026-11-28', '2020-01-01', careLeaver('OLD', '2006-06-01'))).toEqual([
      [18, '2024-06-01', 'missed'],
      [19, '2025-06-01', 'missed'],
      [20, '2026-06-01', 'missed'],
    ]));

  it.each([
    ['2026-11-28', '2025-04-01'],
    ['2026-04-01', '2025-04-01'],
    ['2026-03-31', '2024-04-01'],
    ['2026-01-15', '2024-04-01'],
  ])('Given the list read on %s, Then missed rows are listed for birthdays from %s', (today, from) =>
    expect(missedListedFrom(today)).toBe(from),
  );
});
