import type { ApiClient } from './http-client';
import { registerBody, startCareBody } from './journey-bodies';
import { tokenFor } from './tokens';

let counter = 0;

/** Registers a fresh child (and puts them in care unless told not to); returns its id. */
export async function newChild(api: ApiClient, { inCare = true } = {}): Promise<string> {
  counter += 1;
  const token = tokenFor('social_worker', 'alice');
  const registered = await api.post<{ childId: string }>(
    '/children',
    registerBody({ childRef: `LA-${counter}` }),
    { token },
  );
  if (registered.status !== 201) throw new Error(`register failed: ${JSON.stringify(registered.body)}`);
  const childId = registered.body.childId;
  if (inCare) {
    const started = await api.post(`/children/${childId}/periods-of-care`, startCareBody, { token });
    if (started.status !== 201) throw new Error(`start care failed: ${JSON.stringify(started.body)}`);
  }
  return childId;
}

/** The number of events in the child's stream, read over HTTP. */
export async function eventCount(api: ApiClient, childId: string): Promise<number> {
  const page = await api.get<{ totalEvents: string }>(`/children/${childId}/events?pageSize=1`, {
    token: tokenFor('auditor'),
  });
  return Number(page.body.totalEvents);
}

/**
 * Children registered by name (references `<refPrefix>-1`, …) and in care from 6 February 2023, by
 * social worker alice: their ids in order, and the position of the last write (for minPosition).
 */
export async function namedChildrenInCare(
  api: ApiClient,
  names: readonly string[],
  refPrefix: string,
): Promise<{ ids: string[]; position: string }> {
  const token = tokenFor('social_worker', 'alice');
  const ids: string[] = [];
  let position = '0';
  for (const [i, name] of names.entries()) {
    const registered = await api.post<{ childId: string }>(
      '/children',
      registerBody({ childRef: `${refPrefix}-${i + 1}`, name }),
      { token },
    );
    if (registered.status !== 201) throw new Error(`register failed: ${JSON.stringify(registered.body)}`);
    ids.push(registered.body.childId);
    const started = await api.post<{ globalPosition: string }>(
      `/children/${registered.body.childId}/periods-of-care`,
      startCareBody,
      { token },
    );
    if (started.status !== 201) throw new Error(`start care failed: ${JSON.stringify(started.body)}`);
    position = started.body.globalPosition;
  }
  return { ids, position };
}
