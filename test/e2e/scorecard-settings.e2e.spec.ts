/**
 * The adoption scorecard's local A1 ambition and threshold bands come from the authority settings
 * (CARE_JOURNEY_AUTHORITY `scorecard`), on the API and the panel's page alike. Real HTTP app, real SQLite file.
 */
import { apiClient } from './support/http-client';
import { startTestApp, type TestApp } from './support/test-app';
import { tokenFor } from './support/tokens';
import { withEnv } from './support/with-env';

const SETTINGS = {
  scorecard: {
    localA1TargetDays: 300,
    thresholds: [{ upToYear: null, period: 'local bands', a1Days: 400, a2Days: 100 }],
  },
};

describe('scorecard settings (e2e)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await withEnv({ CARE_JOURNEY_AUTHORITY: JSON.stringify(SETTINGS) }, () => startTestApp());
  });
  afterAll(() => app.close());

  it('Given a local A1 ambition of 300 days and local bands, When /scorecard is read, Then A1 shows 300 and both indicators the local band', async () => {
    const api = apiClient(app.baseUrl);
    const res = await api.get<Record<string, Record<string, unknown>>>('/scorecard?periodEnding=2025-03-31', {
      token: tokenFor('panel_member'),
    });
    expect(res.status).toBe(200);
    expect(res.body.threshold).toMatchObject({ period: 'local bands', a1Days: 400, a2Days: 100 });
    expect(res.body.A1).toMatchObject({ localTargetDays: 300, thresholdDays: 400 });
    expect(res.body.A2).toMatchObject({ thresholdDays: 100 });
  });
});
