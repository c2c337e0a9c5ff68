import { yearEndingAsked } from './measures-data';
import { endedMonths, isAfterToday, notAfterToday, notAfterTodayMessage } from './not-after-today';
import type { FieldMessage } from '../html/components';

const TODAY = '2026-11-27';

describe('a year ending not after today (web review #2)', () => {
  it('Given a 31 March still to come, when a page asks for it, then it is a field error naming the rule and the last year ended is shown', () => {
    const errors: FieldMessage[] = [];
    expect(yearEndingAsked('2027-03-31', TODAY, errors)).toBe('2026-03-31');
    expect(errors).toEqual([
      {
        fieldId: 'yearEnding',
        rule: 'notAfterToday',
        message:
          'Year ending must not be after today, 27 November 2026: the year to 31 March 2027 has not ended yet, so its figures are not known',
      },
    ]);
  });

  it('Given a 31 March that has passed, or today itself, when asked, then it is taken', () => {
    const errors: FieldMessage[] = [];
    expect(yearEndingAsked('2026-03-31', TODAY, errors)).toBe('2026-03-31');
    expect(yearEndingAsked('2027-03-31', '2027-03-31', errors)).toBe('2027-03-31');
    expect(errors).toEqual([]);
  });

  it('Given a date that is not a 31 March, when asked, then the shape is the error, not the date', () => {
    const errors: FieldMessage[] = [];
    yearEndingAsked('2027-04-01', TODAY, errors);
    expect(errors.map((e) => e.message)).toEqual([
      'Year ending must be a 31 March, YYYY-03-31, for example 2025-03-31',
    ]);
  });

  it('compares calendar dates: after today only from tomorrow', () => {
    expect(isAfterToday('2026-11-28', TODAY)).toBe(true);
    expect(isAfterToday(TODAY, TODAY)).toBe(false);
    expect(notAfterTodayMessage('periodEnding', '2027-03-31', TODAY)).toBe(
      'periodEnding must not be after today (2026-11-27, in England): the figures to 2027-03-31 are not known until that day has passed',
    );
  });

  it('Given a field asking for figures to a day after today, when checked, then the refusal names the field and the rule; today or earlier, or no date, passes', () => {
    expect(notAfterToday('date', '2026-11-28', TODAY)).toEqual({
      field: 'date',
      rule: 'notAfterToday',
      message: notAfterTodayMessage('date', '2026-11-28', TODAY),
    });
    expect(notAfterToday('to', TODAY, TODAY)).toBeUndefined();
    expect(notAfterToday('--today', undefined, TODAY)).toBeUndefined();
  });

  it('Given a monthly series into the months to come, when kept to the months ended, then the running month and later ones are left out', () => {
    const rows = ['2026-09-30', '2026-10-31', '2026-11-30', '2026-12-31'].map((to) => ({ to }));
    expect(endedMonths(rows, TODAY)).toEqual([{ to: '2026-09-30' }, { to: '2026-10-31' }]);
    expect(endedMonths(rows, '2026-11-30').map((r) => r.to)).toEqual([
      '2026-09-30',
      '2026-10-31',
      '2026-11-30',
    ]);
  });
});
