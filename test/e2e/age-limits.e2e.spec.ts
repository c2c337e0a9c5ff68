/**
 * The acceptance review's cases over HTTP: an adult is not taken into care, a date-of-birth
 * correction cannot make a child in care an adult at the start of care, UN1 is refused for a
 * school-age child (903 rule 209) and a V3 short break cannot last 24 days (903 rule 365).
 * Each refusal is a 422 naming the rule and the field, and records nothing.
 */
import { registerBody, startCareBody } from './support/journey-bodies';
import { eventCount } from './support/journey-setup';
import { useTestApi } from './support/test-app';
import { tokenFor } from './support/tokens';

describe('age limits and unknown-UPN codes over HTTP', () => {
  const api = useTestApi();
  const worker = { token: tokenFor('social_worker', 'alice') };

  const register = async (overrides: Record<string, unknown>) => {
    const response = await api.post<{ childId: string }>('/children', registerBody(overrides), worker);
    expect(response.status).toBe(201);
    return response.body.childId;
  };

  it('refuses care starting for a 36-year-old (born 1990-01-01), naming effectiveDate', async () => {
    const childId = await register({
      childRef: 'AGE-1',
      dateOfBirth: '1990-01-01',
      effectiveDate: '2026-09-01',
    });
    const response = await api.post(
      `/children/${childId}/periods-of-care`,
      { ...startCareBody, effectiveDate: '2026-10-01', legalStatus: 'V2' },
      worker,
    );
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ rule: 'looked-after-only-under-18', field: 'effectiveDate' });
    expect(await eventCount(api, childId)).toBe(1);
  });

  it('refuses a date-of-birth correction that makes a child in care 18+ at the start of care', async () => {
    const registered = await api.post<{ childId: string; events: { id: string }[] }>(
      '/children',
      registerBody({ childRef: 'AGE-2' }),
      worker,
    );
    const childId = registered.body.childId;
    const registration = registered.body.events[0].id;
    expect((await api.post(`/children/${childId}/periods-of-care`, startCareBody, worker)).status).toBe(201);
    const response = await api.post(
      `/children/${childId}/corrections/amend`,
      { correctedEventId: registration, reason: 'typo', amendedData: { dateOfBirth: '1995-01-01' } },
      worker,
    );
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ rule: 'looked-after-only-under-18' });
    expect(await eventCount(api, childId)).toBe(2);
  });

  it('refuses UN1 for an 11-year-old (903 rule 209), naming upn', async () => {
    const response = await api.post(
      '/children',
      registerBody({ childRef: 'AGE-3', dateOfBirth: '2015-03-02', effectiveDate: '2026-10-01', upn: 'UN1' }),
      worker,
    );
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ rule: 'un1-school-age-903-rule-209', field: 'upn' });
  });

  it('refuses the end of a 24-day V3 short break (903 rule 365), naming effectiveDate', async () => {
    const childId = await register({ childRef: 'AGE-4' });
    const started = await api.post(
      `/children/${childId}/periods-of-care`,
      { ...startCareBody, effectiveDate: '2026-10-01', legalStatus: 'V3' },
      worker,
    );
    expect(started.status).toBe(201);
    const response = await api.post(
      `/children/${childId}/periods-of-care/end`,
      { effectiveDate: '2026-10-25', reason: 'E4A' },
      worker,
    );
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ rule: 'v3-over-17-days-903-rule-365', field: 'effectiveDate' });
    expect(await eventCount(api, childId)).toBe(2);
  });
});
