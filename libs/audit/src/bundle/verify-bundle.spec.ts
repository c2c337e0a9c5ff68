import { stampedStream } from '../testing/stamped-stream';
import type { AuditKey } from './audit-key';
import type { AuditBundle } from './bundle-format';
import { exportBundle } from './export-bundle';
import { verifyBundle } from './verify-bundle';

const key: AuditKey = {
  keyId: 'test-key',
  secret: Buffer.from('a-test-secret-that-is-long-enough-0123456789'),
};

const events = stampedStream('journey-c1', [
  {
    id: 'e0',
    type: 'ChildRegistered',
    data: { childId: 'c1', effectiveDate: '2024-05-01', name: 'A', uasc: false, sex: '1' },
    metadata: { recordedAt: '2024-05-01T09:00:00.000Z', recordedBy: 'sw-1', schemaVersion: 1 },
  },
  {
    id: 'e1',
    type: 'PeriodOfCareStarted',
    data: { childId: 'c1', effectiveDate: '2024-05-02', placement: { placementType: 'U4', inArea: true } },
    metadata: {
      recordedAt: '2024-05-09T09:00:00.000Z',
      recordedBy: 'sw-1',
      schemaVersion: 1,
      correlationId: 'k1',
    },
  },
  {
    id: 'e2',
    type: 'EntryAmended',
    data: {
      childId: 'c1',
      effectiveDate: '2024-05-03',
      correctedEventId: 'e1',
      reason: 'typo',
      amendedData: { placementType: 'U5' },
    },
    metadata: {
      recordedAt: '2024-05-10T09:00:00.000Z',
      recordedBy: 'tm-1',
      schemaVersion: 1,
      causationId: 'e1',
    },
  },
]);

const fresh = (): AuditBundle =>
  JSON.parse(
    JSON.stringify(
      exportBundle({
        childId: 'c1',
        streamId: 'journey-c1',
        events,
        exportedAt: '2024-06-01T12:00:00.000Z',
        exportedBy: 'auditor-1',
        key,
      }),
    ),
  );

/** Every leaf of a JSON value, as a path of keys/indexes. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    return entries.flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return [path];
}

function mutateLeaf(root: unknown, path: (string | number)[]): void {
  const parent = path
    .slice(0, -1)
    .reduce<Record<string | number, unknown>>(
      (node, k) => node[k] as Record<string | number, unknown>,
      root as Record<string, unknown>,
    );
  const last = path[path.length - 1];
  const old = parent[last];
  parent[last] =
    typeof old === 'string'
      ? old.length > 0
        ? old.slice(0, -1) + (old.endsWith('1') ? '2' : '1')
        : 'x'
      : typeof old === 'number'
        ? old + 1
        : typeof old === 'boolean'
          ? !old
          : 'x';
}

describe('audit bundle', () => {
  it('Given a freshly exported bundle, it verifies offline with the same key', () => {
    expect(verifyBundle(fresh(), key)).toEqual({
      ok: true,
      childId: 'c1',
      eventsChecked: 3,
      signature: 'valid',
      problems: [],
    });
  });

  it('records who exported it, when, the chain head and the key id', () => {
    const bundle = fresh();
    expect(bundle).toMatchObject({
      format: 'care-journey/audit-bundle',
      version: 1,
      exportedBy: 'auditor-1',
      chain: { length: 3 },
      signature: { alg: 'HMAC-SHA256', keyId: 'test-key' },
    });
    expect(bundle.chain.head).toBe((events[2].metadata['integrity'] as { hash: string }).hash);
  });

  const paths = leaves(fresh());

  it('has leaves in every part of the bundle', () => {
    expect(paths.length).toBeGreaterThan(40);
  });

  it.each(paths.map((p) => [p.join('.'), p] as const))(
    'Given %s is edited, verification fails',
    (_label, path) => {
      const bundle = fresh();
      mutateLeaf(bundle, path);
      const result = verifyBundle(bundle, key);
      expect(result.ok).toBe(false);
      expect(result.problems.length).toBeGreaterThan(0);
      // An edit inside an event's chained content names that event.
      if (path[0] === 'events' && !['globalPosition', 'revision'].includes(String(path[2]))) {
        expect(result.firstBroken?.revision).toBe(String(path[1]));
      }
    },
  );

  it('Given a key is added or an event removed, verification fails', () => {
    const added = { ...fresh(), note: 'hello' };
    expect(verifyBundle(added, key).signature).toBe('invalid');
    const removed = fresh();
    removed.events.splice(1, 1);
    expect(verifyBundle(removed, key).firstBroken).toMatchObject({ revision: '2', eventId: 'e2' });
  });

  it('Given another key, it says the bundle was signed with a different key', () => {
    const other: AuditKey = { keyId: 'other', secret: Buffer.from('x'.repeat(40)) };
    expect(verifyBundle(fresh(), other)).toMatchObject({ ok: false, signature: 'wrong-key' });
    expect(verifyBundle(fresh(), { ...other, keyId: 'test-key' })).toMatchObject({
      ok: false,
      signature: 'invalid',
    });
  });

  it('Given something that is not a bundle, it says why instead of throwing', () => {
    expect(verifyBundle([], key).problems).toEqual(['the bundle is not a JSON object']);
    expect(verifyBundle({ ...fresh(), events: [{ id: 'x' }] }, key).problems[0]).toMatch(
      /events\[0\]\.streamId/,
    );
  });
});
