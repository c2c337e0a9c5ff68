/**
 * Security review (session 11, left): a uniqueness refusal tells a team-scoped social worker that
 * some child, maybe outside their teams, holds a 903 reference. The API's amendment and the register
 * form record it in the read-access trail; the amend form (the child page's correction of a
 * registration) answers the same 409 and must record it too, under the child being amended, with
 * the rule. Real HTTP app, real SQLite file, a users file scoping sw.north to Children in Care North.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '@care-journey/access';
import { apiClient, type ApiClient } from '../support/http-client';
import { registerBody, startCareBody } from '../support/journey-bodies';
import { eventCount } from '../support/journey-setup';
import { startTestApp, type TestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';
import { OUTCOME_DEADLINE_MS } from '../support/poll';
import { withEnv } from '../support/with-env';

const NORTH = 'Children in Care North';
const SOUTH = 'Children in Care South';
/** Who signs in: a social worker per team (team scope, the default), an admin and an auditor. */
const USERS = [
  { username: 'sw.north', role: 'social_worker', teams: [NORTH] },
  { username: 'sw.south', role: 'social_worker', teams: [SOUTH] },
  { username: 'admin-user', role: 'admin' },
  { username: 'auditor-user', role: 'auditor' },
];

type TrailEntries = { entries: { readBy: string; view: string; query?: Record<string, string> }[] };

/** A rendered form's answers as a browser would send them: inputs with a value, selected options. */
function answersOf(page: string): Record<string, string> {
  const answers: Record<string, string> = {};
  const unescape = (value: string) => value.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  for (const match of page.matchAll(/<input\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(match[0])?.[1];
    const value = /\bvalue="([^"]*)"/.exec(match[0])?.[1];
    if (name && value !== undefined) answers[name] = unescape(value);
  }
  for (const match of page.matchAll(/<select\b[^>]*\bname="([^"]+)"[^>]*>(.*?)<\/select>/gs)) {
    const selected = /<option value="([^"]*)" selected/.exec(match[2])?.[1];
    if (selected !== undefined) answers[match[1]] = unescape(selected);
  }
  return answers;
}

describe('the amend form’s child-ref-in-use refusal is in the read-access trail', () => {
  let dir: string;
  let t: TestApp;
  let api: ApiClient;
  const worker = tokenFor('social_worker', 'sw.north');
  const auditor = tokenFor('auditor');
  // The team scope (the default; the e2e suite's set-up opts out unless a spec sets it) and its users.

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'care-journey-amend-trail-'));
    const usersFile = join(dir, 'users.json');
    const passwordHash = hashPassword('a-password-for-the-amend-trail');
    writeFileSync(usersFile, JSON.stringify(USERS.map((u) => ({ ...u, name: u.username, passwordHash }))));
    t = await withEnv(
      {
        CARE_JOURNEY_USERS: usersFile,
        CARE_JOURNEY_AUTHORITY: JSON.stringify({ socialWorkerScope: 'team' }),
      },
      () => startTestApp(),
    );
    api = apiClient(t.baseUrl);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given a South child holding LA-HELD-1 and its UPN, When sw.north amends a North child’s reference or UPN to one of them on the form, Then 409 beside the field, nothing recorded, and a refused entry with the rule in the trail', async () => {
    const held = registerBody({ childRef: 'LA-HELD-1', team: SOUTH, socialWorker: 'sw.south' });
    expect((await api.post('/children', held, { token: tokenFor('admin') })).status).toBe(201);
    const registered = await api.post<{ childId: string }>(
      '/children',
      registerBody({ childRef: 'LA-OWN-1', team: NORTH, socialWorker: 'sw.north' }),
      { token: worker },
    );
    expect(registered.status).toBe(201);
    const { childId } = registered.body;
    expect(
      (await api.post(`/children/${childId}/periods-of-care`, startCareBody, { token: worker })).status,
    ).toBe(201);
    const events = await api.get<{ items: { id: string; type: string }[] }>(
      `/children/${childId}/events?pageSize=10`,
      { token: auditor },
    );
    const registration = events.body.items.find((e) => e.type === 'ChildRegistered')!.id;

    const amendUrl = `${t.baseUrl}/panel/children/${childId}/record/amend`;
    let form = '';
    for (const deadline = Date.now() + OUTCOME_DEADLINE_MS; !form && Date.now() < deadline;) {
      const response = await fetch(`${amendUrl}?entry=${registration}`, {
        headers: { authorization: `Bearer ${worker}` },
      });
      if (response.status === 200) form = await response.text();
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(form).toContain('name="amendedData.childRef"');
    const before = await eventCount(api, childId);

    const probes = [
      { field: 'amendedData.childRef', value: 'la-held-1', rule: 'child-ref-in-use' },
      { field: 'amendedData.upn', value: held.upn, rule: 'upn-in-use' },
    ];
    for (const probe of probes) {
      const sent = await fetch(amendUrl, {
        method: 'POST',
        redirect: 'manual',
        headers: { authorization: `Bearer ${worker}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          ...answersOf(form),
          [probe.field]: String(probe.value),
          reason: 'Typed the wrong number',
        }).toString(),
      });
      expect({ rule: probe.rule, status: sent.status }).toEqual({ rule: probe.rule, status: 409 });
      expect(await sent.text()).toMatch(new RegExp(`id="${probe.field}-error"[^]*another child`));
    }
    expect(await eventCount(api, childId)).toBe(before);

    const trail = await api.get<TrailEntries>(`/audit/access-log?childId=${childId}`, { token: auditor });
    const refusals = trail.body.entries.filter((entry) => entry.view === 'refused');
    expect(refusals).toEqual(
      probes.map((probe) =>
        expect.objectContaining({
          readBy: 'sw.north',
          query: { method: 'POST', route: '/panel/children/:id/record/:form', rule: probe.rule },
        }),
      ),
    );
  });
});
