import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { childRefStream, UnreadableEventSchema } from '@care-journey/journey';
import { ChildRefRegistry } from './child-ref-registry';
import { upnStream, UpnRegistry } from './upn-registry';

// Review s18-es F7: a registry event written by a newer build is refused by name, never folded as v1.
const recording = { recordedAt: '2026-11-28T10:00:00.000Z', recordedBy: 'sw' };
const newerReservation = (type: string, data: Record<string, unknown>) => ({
  id: '00000000-0000-4000-8000-000000000001',
  type,
  data,
  metadata: { ...recording, schemaVersion: 2 },
});

describe('the 903-reference and UPN registries refuse a reservation written by a newer build', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'registry-version-'));
    store = new SqliteEventStore({ file: join(dir, 'events.db'), synchronous: 'NORMAL' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('Given R9’s latest reservation at schemaVersion 2, When another child asks for R9, Then UnreadableEventSchema names it as newer and nothing is written', async () => {
    await store.appendToStream(
      childRefStream('R9'),
      [newerReservation('ChildRefReserved', { childRef: 'R9', childId: 'a' })],
      { expectedRevision: 'no_stream' },
    );
    const refused = await new ChildRefRegistry(store)
      .reserve('R9', 'b', recording)
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UnreadableEventSchema);
    expect(refused).toMatchObject({ reason: 'newer', schemaVersion: 2, knownVersion: 1 });
    expect((refused as Error).message).toMatch(/ChildRefReserved.*schemaVersion 2 is newer/);
    expect(await store.headPosition()).toBe(1n);
  });

  it('Given a UPN’s latest reservation at schemaVersion 2, When another child asks for it, Then UnreadableEventSchema names it as newer', async () => {
    await store.appendToStream(
      upnStream('A123456789012'),
      [newerReservation('UpnReserved', { childId: 'a' })],
      { expectedRevision: 'no_stream' },
    );
    const refused = await new UpnRegistry(store)
      .hold('A123456789012', 'b', recording)
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(UnreadableEventSchema);
    expect(refused).toMatchObject({ reason: 'newer', schemaVersion: 2 });
  });
});
