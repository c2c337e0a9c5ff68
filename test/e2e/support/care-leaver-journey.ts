import type { ApiClient } from './http-client';
import { registerBody } from './journey-bodies';
import { tokenFor } from './tokens';

const PLACEMENT = {
  placementType: 'U6',
  provider: 'PR1',
  postcode: 'LS1 4AB',
  urn: 'SC000001',
  inArea: true,
};

/**
 * A care leaver through the API, as an admin: registered as `childRef` (named `Young <childRef>`,
 * North's, sw.demo's), born `dateOfBirth`, in care from 10/01/2023 (C2) to 10/01/2024 (E5). Returns
 * the child's id and the position of the last write (for minPosition).
 */
export async function careLeaverThroughApi(
  api: ApiClient,
  childRef: string,
  dateOfBirth: string,
): Promise<{ childId: string; position: string }> {
  const admin = { token: tokenFor('admin') };
  const registered = await api.post<{ childId: string }>(
    '/children',
    registerBody({ childRef, name: `Young ${childRef}`, dateOfBirth, effectiveDate: '2023-01-01' }),
    admin,
  );
  if (registered.status !== 201) throw new Error(`register ${childRef}: ${JSON.stringify(registered.body)}`);
  const { childId } = registered.body;
  const started = await api.post(
    `/children/${childId}/periods-of-care`,
    { effectiveDate: '2023-01-10', legalStatus: 'C2', categoryOfNeed: 'N1', placement: PLACEMENT },
    admin,
  );
  if (started.status !== 201) throw new Error(`start care ${childRef}: ${JSON.stringify(started.body)}`);
  const ended = await api.post<{ globalPosition: string }>(
    `/children/${childId}/periods-of-care/end`,
    { effectiveDate: '2024-01-10', reason: 'E5' },
    admin,
  );
  if (ended.status !== 201) throw new Error(`end care ${childRef}: ${JSON.stringify(ended.body)}`);
  return { childId, position: ended.body.globalPosition };
}
