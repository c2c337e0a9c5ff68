import type { ApiClient } from './http-client';
import { registerBody } from './journey-bodies';

/** A placement as the API takes it: in area, with a postcode and an Ofsted URN (defaults: U6 with PR1). */
export const placement = (placementType = 'U6', provider = 'PR1') => ({
  placementType,
  provider,
  postcode: 'CB4 1AA',
  inArea: true,
  urn: 'SC123456',
});

/** Records children over HTTP as one social worker, each write expected to be accepted (201). */
export interface ChildRecorder {
  /** Registers a child (journey-bodies' registerBody with these fields): the child's id. */
  register(fields: Record<string, unknown>): Promise<string>;
  /** In care from `effectiveDate` under a care order (C2, N1, no earlier permanence order). */
  startCare(childId: string, effectiveDate: string, placedIn: Record<string, unknown>): Promise<string>;
  /** POST /children/:id/<path>: the id of the first event recorded. */
  record(childId: string, path: string, body: Record<string, unknown>): Promise<string>;
  /** The position of the last write, for minPosition. */
  readonly position: string;
}

export function childRecorder(api: () => ApiClient, worker: { token: string }): ChildRecorder {
  let position = '0';
  const recorder: ChildRecorder = {
    async register(fields) {
      const registered = await api().post<{ childId: string }>('/children', registerBody(fields), worker);
      expect(['register', registered.status]).toEqual(['register', 201]);
      return registered.body.childId;
    },
    startCare: (childId, effectiveDate, placedIn) =>
      recorder.record(childId, 'periods-of-care', {
        effectiveDate,
        legalStatus: 'C2',
        categoryOfNeed: 'N1',
        placement: placedIn,
        previousPermanence: { code: 'Z1' },
      }),
    async record(childId, path, body) {
      const response = await api().post<{ globalPosition: string; events: { id: string }[] }>(
        `/children/${childId}/${path}`,
        body,
        worker,
      );
      expect([path, response.status]).toEqual([path, 201]);
      position = response.body.globalPosition;
      return response.body.events[0].id;
    },
    get position() {
      return position;
    },
  };
  return recorder;
}
