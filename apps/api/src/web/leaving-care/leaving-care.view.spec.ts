/**
 * The worklist's view model: the domain's contacts due (careLeaverContactsDueOn, the CLI's rule) with
 * each young person's name, the days left or since, and the counts the page's summary says. The
 * review's RVLC03: born 01/06/2007, left care 10/01/2024 (E5); the 17th birthday's contact can be
 * recorded from 01/03/2024 to 01/09/2024.
 */
import { addDays } from '@care-journey/journey';
import { careLeaverContactsDueOn } from '@care-journey/reporting';
import { leavingCareView, worklistPage } from './leaving-care.view';
import { careLeaverRecord } from '../../../../../libs/reporting/src/care-leavers/testing/care-leaver-record';

describe('the leaving care worklist view', () => {
  const rvlc03 = careLeaverRecord('RVLC03', '2007-06-01', { name: 'Rae Leaver', leftOn: '2024-01-10' });
  const names = new Map([[rvlc03.childId, 'Rae Leaver']]);

  it('Given RVLC03 with no contact, When listed on 15/07/2024, Then one row is due, named, with 48 days left to 01/09/2024', () => {
    const view = leavingCareView(careLeaverContactsDueOn([rvlc03], '2024-07-15'), '2024-07-15', (id) =>
      names.get(id),
    );
    expect(
      view.rows.map((r) => [r.childRef, r.name, r.age, r.birthday, r.lastDay, r.status, r.days]),
    ).toEqual([['RVLC03', 'Rae Leaver', 17, '2024-06-01', '2024-09-01', 'due', 48]]);
    expect([view.due, view.missed, view.childIds]).toEqual([1, 0, [rvlc03.childId]]);
  });

  it('Given the same, When listed on its last day, Then it is due with 0 days left; the day after, missed 1 day ago', () => {
    const on = (day: string) =>
      leavingCareView(careLeaverContactsDueOn([rvlc03], day), day, () => undefined).rows.map((r) => [
        r.status,
        r.days,
      ]);
    expect(on('2024-09-01')).toEqual([['due', 0]]);
    expect(on('2024-09-02')).toEqual([['missed', 1]]);
  });

  it('Given two missed birthdays and one due for one young person, and the 19th due for another whose 17th and 18th are recorded, When listed on 01/05/2026, Then missed come first, the counts say 2 and 2, and the young people are counted once each', () => {
    // OTHER's 17th and 18th contacts are recorded; the 19th (20/06/2026) is due from 20/03/2026.
    const other = careLeaverRecord('OTHER', '2007-06-20', {
      leftOn: '2024-01-10',
      contacts: ['2024-06-20', '2025-06-20'],
    });
    const asAt = '2026-05-01';
    const view = leavingCareView(careLeaverContactsDueOn([rvlc03, other], asAt, '2024-04-01'), asAt, (id) =>
      names.get(id),
    );
    expect(view.rows.map((r) => [r.childRef, r.age, r.status])).toEqual([
      ['RVLC03', 17, 'missed'],
      ['RVLC03', 18, 'missed'],
      ['RVLC03', 19, 'due'],
      ['OTHER', 19, 'due'],
    ]);
    expect([view.due, view.missed]).toEqual([2, 2]);
    expect(view.childIds).toEqual([rvlc03.childId, other.childId]);
    // Not known to the name lookup: the row has no name (the page shows the reference).
    expect(view.rows[3].name).toBe('');
  });

  it('Given no care leaver (still looked after), When listed, Then the view is empty', () => {
    const inCare = careLeaverRecord('INCARE', '2007-06-01');
    const view = leavingCareView(careLeaverContactsDueOn([inCare], '2024-07-15'), '2024-07-15', () => 'x');
    expect(view).toEqual({ rows: [], due: 0, missed: 0, childIds: [] });
  });

  it('Given 55 care leavers due on 15/07/2024, When paged, Then page 1 has the first 50 rows in order, page 2 the last 5 and only its young people, and a page past the end shows the last page', () => {
    const records = Array.from({ length: 55 }, (_, i) =>
      careLeaverRecord(`P${String(i).padStart(2, '0')}`, addDays('2007-06-01', i), { leftOn: '2024-01-10' }),
    );
    const view = leavingCareView(careLeaverContactsDueOn(records, '2024-07-15'), '2024-07-15', () => 'x');
    expect(view.rows).toHaveLength(55);
    const first = worklistPage(view, 1);
    expect([first.page, first.pages, first.total, first.first, first.items.length]).toEqual([
      1, 2, 55, 1, 50,
    ]);
    expect(first.items).toEqual(view.rows.slice(0, 50));
    expect(first.childIds).toEqual(view.childIds.slice(0, 50));
    const second = worklistPage(view, 2);
    expect([second.page, second.first, second.items.map((r) => r.childRef)]).toEqual([
      2,
      51,
      ['P50', 'P51', 'P52', 'P53', 'P54'],
    ]);
    expect(second.childIds).toEqual(records.slice(50).map((r) => r.childId));
    expect(worklistPage(view, 9)).toEqual(second);
  });

  it('Given one young person with three rows, When paged, Then the page names her once', () => {
    const view = leavingCareView(
      careLeaverContactsDueOn([rvlc03], '2026-05-01', '2024-04-01'),
      '2026-05-01',
      () => '',
    );
    expect(worklistPage(view, 1)).toMatchObject({ pages: 1, childIds: [rvlc03.childId] });
    expect(worklistPage(view, 1).items).toHaveLength(3);
  });
});
