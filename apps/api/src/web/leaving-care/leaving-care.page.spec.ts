/**
 * The worklist page, paged: 55 care leavers due on 15/07/2024 (17th birthdays 01/06/2024 on, left
 * care 10/01/2024) are two pages; the summary counts the whole list, the table shows one page, and
 * the previous/next links keep the form's values.
 */
import { addDays } from '@care-journey/journey';
import { careLeaverContactsDueOn } from '@care-journey/reporting';
import { careLeaverRecord } from '../../../../../libs/reporting/src/care-leavers/testing/care-leaver-record';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { leavingCarePage } from './leaving-care.page';
import { parseLeavingCareQuery } from './leaving-care.query';
import { leavingCareView, worklistPage } from './leaving-care.view';

const worker: AuthenticatedUser = { id: 'sw', name: 'Sam Worker', role: 'social_worker' };
const records = Array.from({ length: 55 }, (_, i) =>
  careLeaverRecord(`P${String(i).padStart(2, '0')}`, addDays('2007-06-01', i), { leftOn: '2024-01-10' }),
);

/** The page as sent for this address's query. */
function pageFor(raw: Record<string, string>): string {
  const query = parseLeavingCareQuery(raw, '2026-11-28');
  const view = leavingCareView(
    careLeaverContactsDueOn(records, query.asAt, query.missedSince),
    query.asAt,
    () => '',
  );
  const shown = worklistPage(view, query.page);
  return leavingCarePage({ user: worker, csrfToken: 'csrf', query, view, shown }).value;
}

const rowRefs = (page: string) =>
  [...page.matchAll(/<span class="govuk-body-s cj-muted">(P\d\d)<\/span>/g)].map((m) => m[1]);

describe('the leaving care worklist page, paged', () => {
  it('Given 55 rows, When page 2 is asked with a missedSince, Then it shows rows 51–55, the summary counts all 55, and Previous and the page links keep asAt and missedSince', () => {
    const page = pageFor({ asAt: '2024-07-15', missedSince: '2023-01-01', page: '2' });
    expect(rowRefs(page)).toEqual(['P50', 'P51', 'P52', 'P53', 'P54']);
    expect(page).toContain('<strong>55 contacts due</strong>');
    expect(page).toContain('for 55 young people.');
    expect(page).toContain('missed ones first (51–55 of 55)</caption>');
    expect(page).toContain('<nav class="govuk-pagination" aria-label="Pages of care leavers&#39; contacts">');
    expect(page).toContain(
      'href="/panel/leaving-care?asAt=2024-07-15&amp;missedSince=2023-01-01" rel="prev"',
    );
    expect(page).toContain(
      'href="/panel/leaving-care?asAt=2024-07-15&amp;missedSince=2023-01-01&amp;page=2" aria-label="Page 2" aria-current="page"',
    );
    expect(page).not.toContain('rel="next"');
    // The CSV is the whole list, whatever the page.
    expect(page).toContain(
      'href="/panel/leaving-care.csv?asAt=2024-07-15&amp;missedSince=2023-01-01" download',
    );
  });

  it('Given the first page, Then it shows rows 1–50 and a Next link to page 2, and no Previous', () => {
    const page = pageFor({ asAt: '2024-07-15' });
    expect(rowRefs(page)).toHaveLength(50);
    expect(rowRefs(page)[0]).toBe('P00');
    expect(page).toContain('(1–50 of 55)</caption>');
    expect(page).toContain('href="/panel/leaving-care?asAt=2024-07-15&amp;page=2" rel="next"');
    expect(page).not.toContain('rel="prev"');
  });

  it('Given a list of one page, Then there is no page navigation and the caption gives no range', () => {
    const page = pageFor({ asAt: '2024-03-05' });
    expect(rowRefs(page).length).toBeGreaterThan(0);
    expect(rowRefs(page).length).toBeLessThanOrEqual(50);
    expect(page).not.toContain('govuk-pagination');
    expect(page).toContain('missed ones first</caption>');
  });

  it('Given a young person who stayed with carers at 18 (E17) and refused contact, Then her row gives when care ended and why, and the latest contact, in the code lists’ words', () => {
    const query = parseLeavingCareQuery({ asAt: '2025-07-15' }, '2026-11-28');
    const stayed = careLeaverRecord('SP1', '2006-06-01', {
      leftOn: '2024-06-01',
      leftBecause: 'E17',
      contacts: [{ on: '2024-06-10', inTouch: 'REFU' }],
    });
    const view = leavingCareView(careLeaverContactsDueOn([stayed], query.asAt), query.asAt, () => 'Sky P');
    const page = leavingCarePage({
      user: worker,
      csrfToken: 'csrf',
      query,
      view,
      shown: worklistPage(view, 1),
    }).value;
    expect(page).toContain('<th scope="col" class="govuk-table__header">Left care</th>');
    expect(page).toContain(
      '<td class="govuk-table__cell" data-column="left-care">1 June 2024<br><span class="govuk-body-s">E17 Aged 18 or over and remained with current carers, including staying put</span></td>',
    );
    expect(page).toContain(
      '<td class="govuk-table__cell" data-column="last-contact">REFU Young person refuses contact<br><span class="govuk-body-s">10 June 2024</span></td>',
    );
  });

  it('Given no contact recorded yet, Then the last contact says none', () => {
    expect(pageFor({ asAt: '2024-07-15' })).toContain('data-column="last-contact">None recorded</td>');
  });

  it('Given a young person in care on the list’s day who leaves before her birthday, Then her row is listed (the rule) and Left care says she is still looked after that day', () => {
    const query = parseLeavingCareQuery({ asAt: '2024-03-05' }, '2026-11-28');
    const leaving = careLeaverRecord('LA1', '2007-06-01', { leftOn: '2024-04-01' });
    const view = leavingCareView(careLeaverContactsDueOn([leaving], query.asAt), query.asAt, () => '');
    const page = leavingCarePage({
      user: worker,
      csrfToken: 'csrf',
      query,
      view,
      shown: worklistPage(view, 1),
    }).value;
    expect(view.rows.map((row) => [row.childRef, row.age])).toEqual([['LA1', 17]]);
    expect(page).toContain('data-column="left-care">Still looked after on this day</td>');
  });
});
