/**
 * Docs review F12 on the real app: a child's flags for a date after today are a projection and say
 * so as the drift report does (JSON `projection`, the CSV's file name); a date not after today is
 * not marked. A flag's days overdue are counted to the date asked for, as in the drift report.
 */
import { dateInEngland } from '../../libs/journey/src';
import { apiClient, type ApiClient } from './support/http-client';
import { namedChildrenInCare } from './support/journey-setup';
import { onOneDay } from './support/one-day';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';

const FUTURE_DAY = '2099-01-01';
const CSV = { accept: 'text/csv' };

type Flag = { ruleId: string; daysOverdue: number };
type FlagsBody = { asAt: string; flags: Flag[]; projection?: { from: string; assumes: string } };
type DriftBody = {
  projection?: { from: string; assumes: string };
  children: { childId: string; flags: Flag[] }[];
};

describe("a child's flags for a date after today (real HTTP app on a SQLite file)", () => {
  let t: TestApp;
  let api: ApiClient;
  let childId: string;
  let position: string;
  const auditor = { token: tokenFor('auditor') };
  const today = () => dateInEngland(new Date().toISOString());
  const flagsAt = (asAt: string) => `/children/${childId}/flags?asAt=${asAt}&minPosition=${position}`;

  beforeAll(async () => {
    t = await startTestApp();
    api = apiClient(t.baseUrl);
    // In care from 6 February 2023 and never reviewed: DR01 is open whatever the date after.
    const children = await namedChildrenInCare(api, ['Robin Hale'], 'LA-FLP');
    [childId] = children.ids;
    position = children.position;
  });
  afterAll(() => t.close());

  it("Given a date after today, When the flags are read as JSON, Then they carry the drift report's projection", async () => {
    // The API's "today" and this one's, read on one day (not across midnight).
    await onOneDay(async (day) => {
      const answer = await api.get<FlagsBody>(flagsAt(FUTURE_DAY), auditor);
      expect(answer.status).toBe(200);
      expect(answer.body.asAt).toBe(FUTURE_DAY);
      expect(answer.body.projection).toEqual({
        from: day,
        assumes: `nothing else is recorded after ${day}: a step taken by ${FUTURE_DAY} closes its flag`,
      });
      const report = await api.get<DriftBody>(
        `/drift-report?asAt=${FUTURE_DAY}&minPosition=${position}`,
        auditor,
      );
      expect(answer.body.projection).toEqual(report.body.projection);
    });
  });

  it('Given a date after today, Then the days overdue are those of the drift report for that date', async () => {
    const flags = (await api.get<FlagsBody>(flagsAt(FUTURE_DAY), auditor)).body.flags;
    const report = await api.get<DriftBody>(
      `/drift-report?asAt=${FUTURE_DAY}&minPosition=${position}`,
      auditor,
    );
    const row = report.body.children.find((child) => child.childId === childId);
    expect(flags.map((f) => f.ruleId)).toContain('DR01');
    expect(flags.map(({ ruleId, daysOverdue }) => ({ ruleId, daysOverdue }))).toEqual(
      row?.flags.map(({ ruleId, daysOverdue }) => ({ ruleId, daysOverdue })),
    );
  });

  it('Given a date after today, When the flags are read as CSV, Then the file name says projection', async () => {
    const csv = await api.get<string>(flagsAt(FUTURE_DAY), { ...auditor, headers: CSV });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe(
      `attachment; filename="flags-LA-FLP-1-projection-${FUTURE_DAY}.csv"`,
    );
  });

  it.each([['2025-03-31'], ['today']])(
    'Given %s, Then the flags are not marked as a projection',
    async (day) => {
      const asAt = day === 'today' ? today() : day;
      const json = await api.get<FlagsBody>(flagsAt(asAt), auditor);
      expect(json.status).toBe(200);
      expect(json.body).not.toHaveProperty('projection');
      const csv = await api.get<string>(flagsAt(asAt), { ...auditor, headers: CSV });
      expect(csv.headers.get('content-disposition')).toBe(
        `attachment; filename="flags-LA-FLP-1-${asAt}.csv"`,
      );
    },
  );
});
