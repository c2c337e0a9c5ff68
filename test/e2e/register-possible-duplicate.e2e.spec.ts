import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword, type Role } from '@care-journey/access';
import { apiClient, type ApiClient } from './support/http-client';
import { registerBody } from './support/journey-bodies';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';
import { inputsOf } from './support/form-inputs';
import { withEnv } from './support/with-env';

/**
 * Frontline review F12 (a): the web registration shows children who may be the same child before
 * anything is sent; names only within the worker's teams; "Register anyway" then registers.
 */
describe('Register a child on the web: the possible-duplicate step', () => {
  let t: TestApp;
  let api: ApiClient;
  // A users file gives the social workers their teams (the team scope), as in social-worker-scope.
  const USERS: { username: string; role: Role; teams?: string[] }[] = [
    { username: 'sw.north', role: 'social_worker', teams: ['Children in Care North'] },
    { username: 'sw.south', role: 'social_worker', teams: ['Children in Care South'] },
    { username: 'admin-user', role: 'admin' },
  ];
  const dir = mkdtempSync(join(tmpdir(), 'cj-duplicates-'));
  const north = tokenFor('social_worker', 'sw.north');
  const other = tokenFor('social_worker', 'sw.south');
  const leo = { name: 'Leo Weekday', dateOfBirth: '2021-05-10', upn: 'UN2' };
  const url = () => `${t.baseUrl}/panel/children/new`;
  const post = (fields: Record<string, string>) =>
    fetch(url(), {
      method: 'POST',
      redirect: 'manual',
      headers: { authorization: `Bearer ${north}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  const weekdays = async () =>
    (
      await api.get<{ children: { childRef: string }[] }>('/children?q=weekday', {
        token: tokenFor('admin', 'admin-user'),
      })
    ).body.children.map((c) => c.childRef);

  beforeAll(async () => {
    const usersFile = join(dir, 'users.json');
    const hash = hashPassword('a-password-for-the-duplicate-users');
    writeFileSync(
      usersFile,
      JSON.stringify(USERS.map((u) => ({ ...u, name: u.username, passwordHash: hash }))),
    );
    // The team scope (the e2e suites opt out of it unless a spec sets the authority itself).
    t = await withEnv(
      {
        CARE_JOURNEY_USERS: usersFile,
        CARE_JOURNEY_AUTHORITY: JSON.stringify({ socialWorkerScope: 'team' }),
      },
      () => startTestApp(),
    );
    api = apiClient(t.baseUrl);
    const mine = await api.post(
      '/children',
      registerBody({ ...leo, childRef: 'DUP-1', socialWorker: 'sw.north' }),
      { token: north },
    );
    const theirs = await api.post<{ globalPosition: string }>(
      '/children',
      registerBody({
        ...leo,
        name: 'Léo WEEKDAY-Smith',
        childRef: 'DUP-OUT',
        team: 'Children in Care South',
        socialWorker: 'sw.south',
      }),
      { token: other },
    );
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    await api.get(`/children?q=weekday&minPosition=${theirs.body.globalPosition}`, {
      token: tokenFor('admin', 'admin-user'),
    });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given Leo Weekday born 10 May 2021 in my team and a match in another, When I register him again, Then the form shows my match with Open that child, only counts the other, and records nothing', async () => {
    const opened = await (await fetch(url(), { headers: { authorization: `Bearer ${north}` } })).text();
    const answers = Object.fromEntries(
      Object.entries(
        registerBody({ ...leo, name: 'leo weekday', childRef: 'DUP-2', socialWorker: 'sw.north' }),
      ).map(([k, v]) => [k, String(v)]),
    );
    const step = await post({ ...inputsOf(opened), ...answers });
    expect(step.status).toBe(200);
    const html = await step.text();
    expect(html).toContain(
      'Possible duplicate: a child with this date of birth and a similar name is already registered',
    );
    expect(html).toMatch(
      /DUP-1 Leo Weekday, born 10 May 2021, Children in Care North \(sw\.north\) — <a class="govuk-link" href="\/panel\/children\/[^"]+">Open that child<\/a>/,
    );
    expect(html).toContain('A possible match is registered outside your teams');
    expect(html).toContain('ask a Care Journey admin');
    expect(html).not.toContain('DUP-OUT');
    expect(html).not.toContain('WEEKDAY-Smith');
    expect(html).toContain('Register anyway');
    expect(await weekdays()).toEqual(['DUP-1', 'DUP-OUT']);

    // "Register anyway": the same answers, with the step's hidden field, register the child.
    const anyway = await post({ ...inputsOf(html), ...answers });
    expect(anyway.status).toBe(303);
    const childId = /\/panel\/children\/([^/?]+)/.exec(anyway.headers.get('location') ?? '')?.[1];
    const child = await api.get<{ child: { childRef: string } }>(`/children/${childId}`, { token: north });
    expect(child.body.child.childRef).toBe('DUP-2');
  });

  it('Given no child born that day with that name, When I register, Then there is no step: the child is registered', async () => {
    const opened = await (await fetch(url(), { headers: { authorization: `Bearer ${north}` } })).text();
    const answers = Object.fromEntries(
      Object.entries(
        registerBody({ ...leo, dateOfBirth: '2021-05-11', childRef: 'DUP-3', socialWorker: 'sw.north' }),
      ).map(([k, v]) => [k, String(v)]),
    );
    expect((await post({ ...inputsOf(opened), ...answers })).status).toBe(303);
  });
});
