/**
 * `GET /measures/what-if` prices a change of placement mix from figures only (how many placements a
 * group holds on a day, the unit costs in force): no child is named, referenced or listed. So it
 * follows the other authority measures' rule: every role reads it, the same answer for each, and
 * nothing goes into the read-access trail (no child is shown). Until session 10 social workers got
 * 403 while they read the same placement mix on `GET /measures`. Real HTTP app, real SQLite file.
 */
import { ROLES, type Role } from '@care-journey/access';
import { child, placed } from '../../libs/projections/src/authority/testing/authority-journey';
import { appendEvents } from '../../libs/projections/src/testing/log-fixtures';
import { apiClient, type ApiClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';
import { trailEntriesAfter } from './support/trail-entries';

const WHAT_IF = '/measures/what-if?date=2024-02-01&from=agency_fostering&to=in_house_fostering&count=1';

describe('the what-if of a change in placement mix: every role, figures only, nothing in the trail', () => {
  let t: TestApp;
  let api: ApiClient;
  const as = (role: Role) => ({ token: tokenFor(role, `${role}-what-if`) });

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    // One child in an agency foster placement (U6 with provider PR4) on 1 February 2024.
    const fostered = child('what-if-child')
      .child('2010-01-01', { homePostcode: 'CB1 2AB' })
      .startsIn('2024-01-10', placed('U6', 'PR4', 'PE1 4LW'))
      .endCare('2024-03-15', 'E4A');
    await appendEvents(t.store, 'what-if-child', fostered.events);
  });
  afterAll(() => t.close());

  it.each(ROLES.map((role) => [role]))(
    'Given a %s, When it asks what moving one agency placement in-house saves, Then 200 with the figures, no child in them, and nothing recorded',
    async (role: Role) => {
      let answer = { status: 0, body: {} as Record<string, unknown> };
      const trail = await trailEntriesAfter(api, tokenFor('auditor', 'what-if-auditor'), async () => {
        answer = await api.get<Record<string, unknown>>(WHAT_IF, as(role));
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        date: '2024-02-01',
        moves: [
          {
            from: 'agency_fostering',
            to: 'in_house_fostering',
            count: 1,
            available: 1,
            fromWeekly: expect.any(Number),
            toWeekly: expect.any(Number),
            weeklySaving: 378,
          },
        ],
        weeklySaving: 378,
        annualSaving: 378 * 52,
      });
      expect(JSON.stringify(answer.body)).not.toMatch(/what-if-child|REF-|childId|name/);
      expect(trail).toEqual([]);
    },
  );

  it('Given no token, Then 401', async () => {
    expect((await api.get(WHAT_IF)).status).toBe(401);
  });
});
