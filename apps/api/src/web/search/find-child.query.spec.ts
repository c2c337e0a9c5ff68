import { findChildUrl, parseFindChildForm, parseFindChildQuery } from './find-child.query';

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

  it('links to a page of results with the search kept sealed, never its words (review s15 F8)', () => {
    expect(findChildUrl('c2VhbGVk', 3)).toBe('/panel/children?s=c2VhbGVk&page=3');
    expect(findChildUrl('', 1)).toBe('/panel/children');
  });

  it('Given a sealed search in the address, When it opens for this caller, Then it is the search; When it does not, Then the page asks to search again', () => {
    const open = (token: string) => (token === 'mine' ? 'sam tay' : undefined);
    expect(parseFindChildQuery({ s: 'mine', page: '2' }, open)).toMatchObject({
      text: 'sam tay',
      page: 2,
      errors: [],
      raw: { q: 'sam tay' },
    });
    const other = parseFindChildQuery({ s: 'someone-elses' }, open);
    expect(other.text).toBe('');
    expect(other.errors.map((e) => e.message)).toEqual([
      'This search was made in another session, or you have signed out since: search again',
    ]);
  });

  it('Given the form sent by POST, Then it takes q trimmed, ignores its form token and refuses a search over 100 characters', () => {
    expect(parseFindChildForm({ q: ' sam ', _csrf: 'x' })).toMatchObject({
      text: 'sam',
      page: 1,
      errors: [],
    });
    expect(parseFindChildForm({ q: 'x'.repeat(101) }).errors.map((e) => e.message)).toEqual([
      'Name or 903 reference must be 100 characters or fewer',
    ]);
    expect(parseFindChildForm(undefined)).toMatchObject({ text: '', errors: [] });
  });
});
