/**
 * The leaving-care review's cases over HTTP (s17 F1, F2): H5 and P2 are for ages 16+ from 2023/24
 * (903 rules 371, 370) and care ends E5/E6 (independent living) only from 14 (rule 387). Each
 * refusal is a 422 naming the rule and the field, and records nothing.
 */
import { registerBody, startCareBody } from './support/journey-bodies';
import { eventCount } from './support/journey-setup';
import { useTestApi } from './support/test-app';
import { tokenFor } from './support/tokens';

describe('leaving care: the ages of 16+ settings and of independent living over HTTP', () => {
  const api = useTestApi();
  const worker = { token: tokenFor('social_worker', 'alice') };

  /** A child born `dateOfBirth`, in care from 10 January 2023 under a care order in foster care. */
  const inCare = async (childRef: string, dateOfBirth: string) => {
    const registered = await api.post<{ childId: string }>(
      '/children',
      registerBody({ childRef, dateOfBirth, effectiveDate: '2023-01-01' }),
      worker,
    );
    expect(registered.status).toBe(201);
    const childId = registered.body.childId;
    const started = await api.post(
      `/children/${childId}/periods-of-care`,
      { ...startCareBody, effectiveDate: '2023-01-10', legalStatus: 'C2' },
      worker,
    );
    expect(started.status).toBe(201);
    return childId;
  };
  const moveTo = (childId: string, effectiveDate: string, placementType: string) =>
    api.post(
      `/children/${childId}/placement-changes`,
      {
        effectiveDate,
        placement: { placementType, provider: 'PR4', postcode: 'CB4 1UW', urn: '2771234' },
        reasonForChange: 'CARPL',
        sameCarer: false,
      },
      worker,
    );

  it('refuses H5 and P2 for a 14-year-old (the review’s RVLC01), naming the placement type, and records nothing', async () => {
    const childId = await inCare('LC-H5', '2009-01-15');
    const h5 = await moveTo(childId, '2023-06-01', 'H5');
    expect(h5.status).toBe(422);
    expect(h5.body).toMatchObject({ rule: 'h5-under-16', field: 'placement.placementType' });
    expect((h5.body as { message: string }).message).toContain('903 rule 371');
    const p2 = await moveTo(childId, '2023-09-01', 'P2');
    expect(p2.status).toBe(422);
    expect(p2.body).toMatchObject({ rule: 'p2-under-16', field: 'placement.placementType' });
    expect(await eventCount(api, childId)).toBe(2);
  });

  it('refuses H5 at 15 in 2024/25, which import-903 keeps from a return (s17 diff F3), even sent asReturned', async () => {
    const childId = await inCare('LC-H5-15', '2008-09-01');
    const h5 = await moveTo(childId, '2024-06-01', 'H5');
    expect(h5.status).toBe(422);
    expect(h5.body).toMatchObject({ rule: 'h5-under-16', field: 'placement.placementType' });
    const asReturned = await api.post<{ errors: { field: string; rule: string }[] }>(
      `/children/${childId}/placement-changes`,
      {
        effectiveDate: '2024-06-01',
        placement: { placementType: 'H5', provider: 'PR4', postcode: 'CB4 1UW', urn: '2771234' },
        reasonForChange: 'CARPL',
        sameCarer: false,
        asReturned: true,
      },
      worker,
    );
    expect(asReturned.status).toBe(400);
    expect(asReturned.body.errors).toEqual([
      expect.objectContaining({ field: 'asReturned', rule: 'whitelistValidation' }),
    ]);
    expect(await eventCount(api, childId)).toBe(2);
  });

  it('takes H5 on the 16th birthday', async () => {
    const childId = await inCare('LC-H5-16', '2008-01-15');
    expect((await moveTo(childId, '2024-01-14', 'H5')).status).toBe(422);
    expect((await moveTo(childId, '2024-01-15', 'H5')).status).toBe(201);
    expect(await eventCount(api, childId)).toBe(3);
  });
  it('refuses care ending E6 for a 13-year-old (the review’s RVLC02), naming the reason, and takes E5 on the 14th birthday', async () => {
    const childId = await inCare('LC-E6', '2010-01-15');
    const e6 = await api.post(
      `/children/${childId}/periods-of-care/end`,
      { effectiveDate: '2023-06-01', reason: 'E6' },
      worker,
    );
    expect(e6.status).toBe(422);
    expect(e6.body).toMatchObject({ rule: 'independent-living-needs-age-14', field: 'reason' });
    expect(await eventCount(api, childId)).toBe(2);
    const e5 = await api.post(
      `/children/${childId}/periods-of-care/end`,
      { effectiveDate: '2024-01-15', reason: 'E5' },
      worker,
    );
    expect(e5.status).toBe(201);
  });
});
