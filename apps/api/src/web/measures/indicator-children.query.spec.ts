import { indicatorUrl, parseIndicatorQuery } from './indicator-children.query';

describe('the address of an indicator’s children', () => {
  it('defaults to the last complete year and the first page', () => {
    expect(parseIndicatorQuery({}, '2026-11-27')).toMatchObject({
      yearEnding: '2026-03-31',
      page: 1,
      errors: [],
    });
    expect(parseIndicatorQuery({ yearEnding: '2025-03-31', page: '3' }, '2026-11-27')).toMatchObject({
      yearEnding: '2025-03-31',
      page: 3,
    });
  });

  it('reports a year ending that is not a 31 March, a bad page and a parameter it does not use, keeping the default view', () => {
    const query = parseIndicatorQuery({ yearEnding: '2025-04-01', page: 'x', year: '2025' }, '2026-11-27');
    expect(query.yearEnding).toBe('2026-03-31');
    expect(query.errors.map((e) => [e.fieldId, e.message])).toEqual([
      ['indicator-year', expect.stringContaining('“year”, which this page does not use')],
      ['yearEnding', 'Year ending must be a 31 March, YYYY-03-31, for example 2025-03-31'],
      ['indicator-year', 'Page must be a whole number from 1, for example 2'],
    ]);
  });

  it('is linked from the measures page with the year, and from page 2 on with the page', () => {
    expect(indicatorUrl('A1', '2025-03-31')).toBe('/panel/measures/A1?yearEnding=2025-03-31');
    expect(indicatorUrl('ST3', '2025-03-31', 2)).toBe('/panel/measures/ST3?yearEnding=2025-03-31&page=2');
  });
});
