import { jest } from '@jest/globals';
import { fromStoredEnvelope, JOURNEY_SCHEMAS, type StoredEnvelope } from '@care-journey/journey';
import { correctionLinks } from './correction-links';

/** GoingHomeAuditCompleted v2 renames `outcome` to `decision` and recodes it (as amended-entry.spec). */
const RECODED: Record<string, string> = {
  'Remain in current placement': 'REMAIN',
  'Return home not safe yet': 'NOT_YET',
};

const stored = (id: string, type: string, data: Record<string, unknown>): StoredEnvelope => ({
  id,
  type,
  data,
  metadata: { recordedAt: '2025-01-10T10:00:00Z', recordedBy: 'sw-test', schemaVersion: 1 },
});

describe('correction links of an entry whose type was raised to a new version', () => {
  afterEach(() => jest.restoreAllMocks());

  it('Given a v1 audit and a v1 amendment of its outcome, When a v2 build lists the change, Then it is named in the v2 shape', () => {
    jest.replaceProperty(JOURNEY_SCHEMAS, 'current', { GoingHomeAuditCompleted: 2 });
    jest.replaceProperty(JOURNEY_SCHEMAS, 'upcasters', {
      GoingHomeAuditCompleted: {
        1: ({ outcome, ...data }) => ({ ...data, decision: RECODED[String(outcome)] ?? 'OTHER' }),
      },
    });
    const events = [
      stored('audit', 'GoingHomeAuditCompleted', {
        childId: 'c1',
        effectiveDate: '2025-01-06',
        outcome: 'Return home not safe yet',
        nextAction: 'Revisit',
      }),
      stored('fix', 'EntryAmended', {
        childId: 'c1',
        effectiveDate: '2025-01-06',
        correctedEventId: 'audit',
        reason: 'Wrong outcome',
        amendedData: { outcome: 'Remain in current placement' },
      }),
    ].map((event) => fromStoredEnvelope(event));
    expect(correctionLinks(events).get('audit')?.[0].changes).toEqual([
      { path: 'decision', from: 'NOT_YET', to: 'REMAIN' },
    ]);
  });
});
