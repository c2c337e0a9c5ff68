import { credentialOf, openSearch, sealSearch } from './search-token';

describe('a search sealed for the address (review s15 F8)', () => {
  it('Given a search sealed for a session, When the same session opens it, Then it is the search, and the address holds none of its words', () => {
    const token = sealSearch('Zephyrine Quillfeather', 'session-a');
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token.toLowerCase()).not.toContain('zephyrine');
    expect(openSearch(token, 'session-a')).toBe('Zephyrine Quillfeather');
  });

  it('Given the same search sealed twice, Then the two addresses differ (nothing to compare across users)', () =>
    expect(sealSearch('sam', 'session-a')).not.toBe(sealSearch('sam', 'session-a')));

  it('Given another session, an altered token or not a token, Then nothing opens', () => {
    const token = sealSearch('sam', 'session-a');
    expect(openSearch(token, 'session-b')).toBeUndefined();
    expect(openSearch(`${token.slice(0, -2)}AA`, 'session-a')).toBeUndefined();
    expect(openSearch('sam tay', 'session-a')).toBeUndefined();
    expect(openSearch('', 'session-a')).toBeUndefined();
  });

  it('Given a bearer token or a session cookie, Then the credential is the token either way', () => {
    expect(credentialOf({ headers: { authorization: 'Bearer abc.def' } })).toBe('abc.def');
    expect(credentialOf({ headers: { cookie: 'cj_session=tok123' } })).toBe('tok123');
  });
});
