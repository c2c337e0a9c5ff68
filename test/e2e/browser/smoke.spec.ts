import type { TestApp } from '../support/test-app';
import { startSeededApp } from './support/seeded-app';

jest.setTimeout(120_000);

describe('pages over HTTP (no browser)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startSeededApp(50);
  });
  afterAll(async () => t?.close());

  it('boots', async () => {
    const login = await fetch(`${t.baseUrl}/login`);
    console.log(login.status, (await login.text()).slice(0, 300));
    const css = await fetch(`${t.baseUrl}/assets/govuk/govuk-frontend.min.css`);
    console.log('css', css.status);
    const cookie = login.headers.get('set-cookie') ?? '';
    const csrf = /cj_csrf=([^;]+)/.exec(cookie)?.[1] ?? '';
    const res = await fetch(`${t.baseUrl}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `cj_csrf=${csrf}` },
      body: new URLSearchParams({
        _csrf: csrf,
        username: 'panel.demo',
        password: 'care-journey-demo',
        next: '/panel/drift',
      }).toString(),
    });
    console.log(res.status, res.headers.get('location'), res.headers.getSetCookie());
    const session = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const started = Date.now();
    const drift = await fetch(`${t.baseUrl}/panel/drift?asAt=2025-03-31`, {
      headers: { cookie: `${session}; cj_csrf=${csrf}` },
    });
    const body = await drift.text();
    console.log(
      drift.status,
      Date.now() - started,
      body.length,
      body.slice(body.indexOf('<main'), body.indexOf('<main') + 1500),
    );
  });
});
