import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { isUnknownUpn, STALE_AFTER_MS, UpnRegistry } from './upn-registry';

describe('UpnRegistry: a UPN belongs to one child', () => {
  let dir: string;
  let store: SqliteEventStore;
  let now = Date.parse('2026-11-27T12:00:00Z');
  const recording = () => ({ recordedAt: new Date(now).toISOString(), recordedBy: 'sw' });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cj-upn-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given UN1–UN5 (no UPN), then they are never held', async () => {
    const upns = new UpnRegistry(store, () => now);
    expect(['UN1', 'un5', 'UN7'].every(isUnknownUpn)).toBe(true);
    expect(await upns.hold('UN1', 'a', recording())).toBe(true);
    expect(await upns.isFree('UN1', 'b')).toBe(true);
  });

  it('Given a reservation whose holder never became a child, then it is kept until it is stale, then taken over once', async () => {
    const upns = new UpnRegistry(store, () => now);
    expect(await upns.hold('A123456789012', 'ghost', recording())).toBe(true);
    expect(await upns.isFree('A123456789012', 'ghost')).toBe(true);
    expect(await upns.isFree('A123456789012', 'next')).toBe(false);
    now += STALE_AFTER_MS + 1;
    expect(await upns.isFree('A123456789012', 'next')).toBe(true);
    expect(await upns.hold('A123456789012', 'next', recording())).toBe(true);
    expect(await upns.isFree('A123456789012', 'ghost')).toBe(false);
  });

  it('Given UPNs held by registration and by reservation, When many claims are checked at once, Then only those another child holds are taken, ignoring case', async () => {
    const upns = new UpnRegistry(store, () => now);
    await store.appendToStream(
      'journey-registered',
      [
        {
          id: 'e1',
          type: 'ChildRegistered',
          data: { upn: 'b123456789012' },
          metadata: { ...recording(), schemaVersion: 1 },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    expect(await upns.hold('C123456789012', 'reserving', recording())).toBe(true);
    const claims = [
      { upn: 'B123456789012', childId: 'other' },
      { upn: 'B123456789012', childId: 'registered' },
      { upn: 'c123456789012', childId: 'other' },
      { upn: 'C123456789012', childId: 'reserving' },
      { upn: 'D123456789012', childId: 'other' },
      { upn: 'UN1', childId: 'other' },
    ];
    expect(await upns.check(claims)).toEqual({ taken: [claims[0], claims[2]], registered: [claims[1]] });
    now += STALE_AFTER_MS + 1;
    expect(await upns.check(claims)).toEqual({ taken: [claims[0]], registered: [claims[1]] });
  });
});
