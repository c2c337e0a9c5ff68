/** The worklist's form: dates checked and named by their labels; nothing asked means today's list. */
import { leavingCareUrl, parseLeavingCareQuery } from './leaving-care.query';

const TODAY = '2026-11-28';

describe("the leaving care worklist's query", () => {
  it('Given nothing asked, Then the list is for today, missed ones from 1 April of the last year ended', () => {
    expect(parseLeavingCareQuery({}, TODAY)).toMatchObject({
      asAt: TODAY,
      missedSince: '2025-04-01',
      missedSinceAsked: false,
      errors: [],
    });
  });

  it('Given a day and a missedSince, Then both are taken (missedSince as asked, and marked so for the trail)', () => {
    expect(parseLeavingCareQuery({ asAt: ' 2024-07-15 ', missedSince: '2023-01-01' }, TODAY)).toMatchObject({
      asAt: '2024-07-15',
      missedSince: '2023-01-01',
      missedSinceAsked: true,
      errors: [],
    });
  });

  it('Given a day that does not exist and a year out of range, Then each is named by its field, label and rule', () => {
    const query = parseLeavingCareQuery({ asAt: '2026-02-30', missedSince: '1850-04-01' }, TODAY);
    expect(query.errors).toEqual([
      {
        fieldId: 'asAt',
        rule: 'isCalendarDate',
        message: 'Contacts due by must be a real date, YYYY-MM-DD, for example 2026-03-31',
      },
      {
        fieldId: 'missedSince',
        rule: 'isDateInSupportedYears',
        message: 'Missed contacts for birthdays from must be between 1900-01-01 and 2100-12-31',
      },
    ]);
    // The form is refilled with what was typed.
    expect(query.raw).toEqual({ asAt: '2026-02-30', missedSince: '1850-04-01' });
  });

  it('Given a parameter the page does not use, Then it is named against the form', () => {
    const query = parseLeavingCareQuery({ asat: '2024-07-15' }, TODAY);
    expect(query.errors).toEqual([
      expect.objectContaining({ fieldId: 'leaving-care-form', field: 'asat', rule: 'whitelistValidation' }),
    ]);
  });

  it('Given a page of the list, Then it is taken; nothing asked is the first page', () => {
    expect(parseLeavingCareQuery({ asAt: '2024-07-15', page: '3' }, TODAY)).toMatchObject({
      page: 3,
      errors: [],
    });
    expect(parseLeavingCareQuery({}, TODAY).page).toBe(1);
  });

  it.each(['0', '-1', '2.5', 'two', '1234567'])(
    'Given page=%s, Then it is named by its field and rule (no list is read)',
    (page) =>
      expect(parseLeavingCareQuery({ page }, TODAY).errors).toEqual([
        {
          fieldId: 'page',
          rule: 'isPageNumber',
          message: 'Page must be a whole number from 1, for example 2',
        },
      ]),
  );

  it("Given a page's address, Then it keeps the form's values as asked and names the page from 2 on", () => {
    const query = parseLeavingCareQuery({ asAt: '2024-07-15', missedSince: '2023-01-01', page: '2' }, TODAY);
    expect(leavingCareUrl(query, undefined, 3)).toBe(
      '/panel/leaving-care?asAt=2024-07-15&missedSince=2023-01-01&page=3',
    );
    expect(leavingCareUrl(query, undefined, 1)).toBe(
      '/panel/leaving-care?asAt=2024-07-15&missedSince=2023-01-01',
    );
    // The CSV's link is every row: no page.
    expect(leavingCareUrl(query, '/panel/leaving-care.csv')).toBe(
      '/panel/leaving-care.csv?asAt=2024-07-15&missedSince=2023-01-01',
    );
  });
});
