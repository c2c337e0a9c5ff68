import { findChildUrl, parseFindChildQuery } from './find-child.query';

describe('the find-a-child page’s address', () => {
  it('takes the search and the page, trimmed', () => {
    expect(parseFindChildQuery({ q: '  sam ', page: '2' })).toMatchObject({
      text: 'sam',
      page: 2,
      errors: [],
    });
  });

  it('refuses a search over 100 characters, a page that is not a whole number from 1, and a parameter it does not use, each in the error summary', () => {
    const query = parseFindChildQuery({ q: 'x'.repeat(101), page: '0', name: 'sam' });
    expect(query.text).toBe('');
    expect(query.page).toBe(1);
    expect(query.errors.map((e) => e.message)).toEqual([
      expect.stringContaining('“name”, which this page does not use'),
      'Name or 903 reference must be 100 characters or fewer',
      'Page must be a whole number from 1, for example 2',
    ]);
  });

  it('links to a page of results with the search kept', () => {
    expect(findChildUrl('sam tay', 3)).toBe('/panel/children?q=sam+tay&page=3');
    expect(findChildUrl('', 1)).toBe('/panel/children');
  });
});
