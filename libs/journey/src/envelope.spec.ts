import { currentSchemaVersion } from './event-schema';
import type { JourneyEvent } from './events';
import { fromStoredEnvelope, journeyEnvelope } from './envelope';

describe('journeyEnvelope', () => {
  const event: JourneyEvent = {
    type: 'StatutoryReviewHeld',
    data: { childId: 'c1', effectiveDate: '2024-06-03', participation: 'PN1' },
  };

  it('given a decided event, when enveloped, then it carries the id, a copy of the data and the recording metadata', () => {
    const envelope = journeyEnvelope(event, 'e1', {
      now: '2024-06-04T10:00:00Z',
      recordedBy: 'alice',
      correlationId: 'r1',
    });
    expect(envelope).toEqual({
      id: 'e1',
      type: 'StatutoryReviewHeld',
      data: { childId: 'c1', effectiveDate: '2024-06-03', participation: 'PN1' },
      metadata: {
        recordedAt: '2024-06-04T10:00:00Z',
        recordedBy: 'alice',
        correlationId: 'r1',
        schemaVersion: currentSchemaVersion('StatutoryReviewHeld'),
      },
    });
    expect(envelope.data).not.toBe(event.data);
  });

  it('given no correlation or causation, then the metadata has no such keys (they are not hashed as undefined)', () => {
    const envelope = journeyEnvelope(event, 'e1', { now: '2024-06-04T10:00:00Z', recordedBy: 'alice' });
    expect(Object.keys(envelope.metadata).sort()).toEqual(['recordedAt', 'recordedBy', 'schemaVersion']);
  });
});

describe('journeyEnvelope data copy', () => {
  const context = { now: '2024-06-04T10:00:00Z', recordedBy: 'alice' };
  const envelopeOf = (data: unknown) =>
    journeyEnvelope({ type: 'StatutoryReviewHeld', data } as unknown as JourneyEvent, 'e1', context).data;

  it('given nested plain data, then it is a deep copy equal to what structuredClone gives', () => {
    const data = {
      childId: 'c1',
      list: [{ a: 1 }, 'x', null, true],
      nested: { deep: { n: -0 } },
      u: undefined,
    };
    const copy = envelopeOf(data);
    // toEqual: under Jest, structuredClone's objects come from another realm (another Object.prototype).
    expect(copy).toEqual(structuredClone(data));
    expect(copy.list).not.toBe(data.list);
    expect((copy.list as unknown[])[0]).not.toBe(data.list[0]);
    expect(Object.is((copy.nested as { deep: { n: number } }).deep.n, -0)).toBe(true);
    expect('u' in copy).toBe(true);
  });

  it('given a class instance (e.g. a validated DTO), then a plain object of its own fields comes out', () => {
    class Dto {
      childId = 'c1';
      effectiveDate = '2024-06-03';
      get derived(): string {
        return 'not copied';
      }
    }
    const copy = envelopeOf(new Dto());
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(copy).toStrictEqual({ childId: 'c1', effectiveDate: '2024-06-03' });
  });

  it.each([
    ['a Date', { at: new Date(0) }],
    ['a Map', { m: new Map([['k', 1]]) }],
    [
      'a cycle',
      (() => {
        const o: Record<string, unknown> = { a: 1 };
        o.self = o;
        return o;
      })(),
    ],
    ['a __proto__ key', JSON.parse('{"__proto__": {"x": 1}, "a": 1}') as unknown],
  ])('given %s, then the copy is what structuredClone gives', (_label, data) => {
    expect(envelopeOf(data)).toStrictEqual(structuredClone(data));
  });

  it('given a function, then it is refused as structuredClone refuses it', () => {
    expect(() => envelopeOf({ f: () => 1 })).toThrow();
  });
});

describe('fromStoredEnvelope', () => {
  const stored = {
    id: 'e1',
    type: 'StatutoryReviewHeld',
    data: { childId: 'c1', effectiveDate: '2024-06-03', participation: 'PN1' },
    metadata: { recordedAt: '2024-06-04T10:00:00Z', recordedBy: 'alice', schemaVersion: 1 },
    revision: 3n,
    globalPosition: 42n,
  };

  it('given a stored event, then the domain sees its type, data, recording metadata and positions', () => {
    expect(fromStoredEnvelope(stored)).toEqual({
      type: 'StatutoryReviewHeld',
      data: stored.data,
      id: 'e1',
      recordedAt: '2024-06-04T10:00:00Z',
      recordedBy: 'alice',
      revision: 3n,
      globalPosition: 42n,
    });
  });

  it('given positions: false, then no bigint is left (the event can be serialised as JSON)', () => {
    expect(() => JSON.stringify(fromStoredEnvelope(stored, { positions: false }))).not.toThrow();
  });
});
