import type { SqliteEventStore } from '@care-journey/event-store/sqlite';
import { CHILD_REF_RESERVED, childRefStream, journeyStream } from '@care-journey/journey';
import { eventsOf, useTempEventStore } from './testing/temp-event-store.spec-helper';
import { ChildRefRegistry } from './child-ref-registry';

const recording = { recordedAt: '2025-01-10T09:00:00.000Z', recordedBy: 'alice' };

describe('ChildRefRegistry: one 903 reference, one child', () => {
  let store: SqliteEventStore;
  useTempEventStore('cj-child-ref-', (opened) => (store = opened));

  const streamOf = (stream: string) => eventsOf(store, stream);

  it('Given a free reference, When a child reserves it, Then its stream names that child', async () => {
    expect(await new ChildRefRegistry(store).reserve('LA-1', 'child-a', recording)).toBe(true);
    const [reserved, ...rest] = await streamOf(childRefStream('LA-1'));
    expect(rest).toEqual([]);
    expect(reserved).toMatchObject({
      streamId: 'child-ref-LA-1',
      type: CHILD_REF_RESERVED,
      data: { childRef: 'LA-1', childId: 'child-a' },
      metadata: { ...recording, schemaVersion: 1 },
    });
  });

  it('Given a reference held by a child, When another child asks for it (any case or spacing), Then it is refused and nothing is written', async () => {
    const registry = new ChildRefRegistry(store);
    await registry.reserve('LA-1', 'child-a', recording);
    const head = await store.headPosition();
    expect(await registry.reserve('la-1', 'child-b', recording)).toBe(false);
    expect(await new ChildRefRegistry(store).reserve(' LA-1 ', 'child-b', recording)).toBe(false);
    expect(await store.headPosition()).toBe(head);
  });

  it('Given a reference held by a child, When the same child reserves it again (a retry), Then it goes on and nothing more is written', async () => {
    await new ChildRefRegistry(store).reserve('LA-1', 'child-a', recording);
    const head = await store.headPosition();
    expect(await new ChildRefRegistry(store).reserve('LA-1', 'child-a', recording)).toBe(true);
    expect(await store.headPosition()).toBe(head);
  });

  it('Given two children asking at once, When both reserve, Then exactly one holds it', async () => {
    const [a, b] = await Promise.all([
      new ChildRefRegistry(store).reserve('LA-1', 'child-a', recording),
      new ChildRefRegistry(store).reserve('LA-1', 'child-b', recording),
    ]);
    expect([a, b].sort()).toEqual([false, true]);
    expect(await streamOf(childRefStream('LA-1'))).toHaveLength(1);
  });

  it('Given a store from before reservations (a child registered, no reservation), When another child asks for its reference, Then it is refused; the child itself may still reserve it', async () => {
    await store.appendToStream(
      journeyStream('old-child'),
      [
        {
          id: '0b7c2f4e-1d3a-4c5b-8e6f-7a8b9c0d1e2f',
          type: 'ChildRegistered',
          data: { childId: 'old-child', childRef: 'C100529', effectiveDate: '2024-01-01' },
          metadata: { ...recording, schemaVersion: 1 },
        },
      ],
      { expectedRevision: 'no_stream' },
    );
    const head = await store.headPosition();
    const registry = new ChildRefRegistry(store);
    expect(await registry.reserve('c100529', 'new-child', recording)).toBe(false);
    expect(await store.headPosition()).toBe(head);
    expect(await registry.reserve('C100529', 'old-child', recording)).toBe(true);
    expect(await registry.reserve('C100529', 'new-child', recording)).toBe(false);
  });
});
