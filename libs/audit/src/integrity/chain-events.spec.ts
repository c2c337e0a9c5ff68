import type { NewEvent } from '../store';
import { chainEvents, chainTipAfter } from './chain-events';
import { INTEGRITY_KEY } from './integrity-stamp';

const tip = chainTipAfter('journey-c1', undefined);
const meta = { recordedAt: 'x', recordedBy: 'u', schemaVersion: 1 };
const anEvent = (metadata: object): NewEvent =>
  ({ id: 'e1', type: 'T', data: { a: 1 }, metadata }) as NewEvent;

describe('chainEvents: the stamped copies', () => {
  it('Given an event, When chained, Then the copy has the event’s keys in order with the metadata stamped last, and the input is untouched', () => {
    const event = anEvent({ ...meta });
    const [stamped] = chainEvents(tip, [event]);
    expect(Object.keys(stamped)).toEqual(['id', 'type', 'data', 'metadata']);
    expect(Object.keys(stamped.metadata)).toEqual([
      'recordedAt',
      'recordedBy',
      'schemaVersion',
      INTEGRITY_KEY,
    ]);
    expect(stamped.data).toBe(event.data);
    expect(event.metadata).toEqual(meta);
  });

  it('Given metadata with an own __proto__ key, a symbol and a hidden key, When chained, Then the copy keeps what a spread keeps: the __proto__ key as an own field, the symbol, not the hidden key', () => {
    const symbol = Symbol('s');
    const metadata = JSON.parse('{"__proto__":{"polluted":true},"recordedBy":"u"}') as Record<
      PropertyKey,
      unknown
    >;
    metadata[symbol] = 'sym';
    Object.defineProperty(metadata, 'hidden', { value: 1, enumerable: false });
    const [stamped] = chainEvents(tip, [anEvent(metadata)]);
    const copy = stamped.metadata as unknown as Record<PropertyKey, unknown>;
    const spread = { ...metadata, [INTEGRITY_KEY]: copy[INTEGRITY_KEY] };
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Reflect.ownKeys(copy)).toEqual(Reflect.ownKeys(spread));
    expect(Object.getOwnPropertyDescriptor(copy, '__proto__')?.value).toEqual({ polluted: true });
    expect(copy[symbol]).toBe('sym');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('Given an event already stamped, When chained again, Then its old stamp is replaced, not kept beside the new one', () => {
    const [first] = chainEvents(tip, [anEvent({ ...meta })]);
    const [again] = chainEvents(chainTipAfter('journey-c1', undefined), [first]);
    expect(Object.keys(again.metadata)).toEqual(['recordedAt', 'recordedBy', 'schemaVersion', INTEGRITY_KEY]);
    expect(again.metadata[INTEGRITY_KEY]).toEqual(first.metadata[INTEGRITY_KEY]);
  });
});
