import { sentFromThisService } from './sent-from-this-service';

const from = (headers: Record<string, string>) => sentFromThisService({ headers });

describe('sentFromThisService: did the browser say the form came from our own pages?', () => {
  it('Given Sec-Fetch-Site same-origin, Then yes; any other value (same-site, cross-site, none), no', () => {
    expect(from({ 'sec-fetch-site': 'same-origin', host: 'cj.example' })).toBe(true);
    for (const site of ['same-site', 'cross-site', 'none'])
      expect(from({ 'sec-fetch-site': site, origin: 'https://cj.example', host: 'cj.example' })).toBe(false);
  });

  it('Given no Sec-Fetch-Site, Then only an Origin on the host the request was sent to', () => {
    expect(from({ origin: 'https://cj.example', host: 'cj.example' })).toBe(true);
    expect(from({ origin: 'http://localhost:3000', host: 'localhost:3000' })).toBe(true);
    expect(from({ origin: 'https://evil.example', host: 'cj.example' })).toBe(false);
    expect(from({ origin: 'https://cj.example.evil.example', host: 'cj.example' })).toBe(false);
    expect(from({ origin: 'http://localhost:3001', host: 'localhost:3000' })).toBe(false);
  });

  it('Given no Origin, an opaque one or one that is not a URL, Then no', () => {
    expect(from({ host: 'cj.example' })).toBe(false);
    expect(from({ origin: 'null', host: 'cj.example' })).toBe(false);
    expect(from({ origin: 'not a url', host: 'cj.example' })).toBe(false);
  });
});
