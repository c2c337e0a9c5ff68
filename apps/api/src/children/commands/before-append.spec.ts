import { initialState, type JourneyEvent } from '@care-journey/journey';
import type { AmendmentHolds } from './amendment-holds';
import { BeforeAppend } from './before-append';
import type { SchemaWriteGate } from './schema-write.gate';

const context = { now: '2024-01-10T10:00:00Z', recordedBy: 'alice', correlationId: 'c', causationId: 'k' };
const events = [{ type: 'StatutoryReviewHeld', data: { childId: 'c1' } }] as unknown as JourneyEvent[];

function parts(held: boolean, gate: () => Promise<void> = async () => undefined) {
  const calls: string[] = [];
  const holding = Promise.resolve();
  const schemaWrites = {
    held,
    check: jest.fn(async () => {
      calls.push('gate');
      await gate();
    }),
  };
  const amendments = {
    hold: jest.fn(() => {
      calls.push('holds');
      return holding;
    }),
  };
  const before = new BeforeAppend(
    schemaWrites as unknown as SchemaWriteGate,
    amendments as unknown as AmendmentHolds,
  );
  return { before, calls, holding, schemaWrites };
}

describe('BeforeAppend: the schema gate, then an amendment’s holds, between deciding and appending', () => {
  it('Given writes `current`, When a decision is held, Then the gate is not asked and the holds’ own promise is returned (no await or promise added)', async () => {
    const { before, calls, holding, schemaWrites } = parts(false);
    const held = before.hold(events, initialState, context);
    expect(held).toBe(holding);
    await held;
    expect(calls).toEqual(['holds']);
    expect(schemaWrites.check).not.toHaveBeenCalled();
  });

  it('Given writes held and a version the log does not hold, When a decision is held, Then the gate’s refusal and nothing is held', async () => {
    const refusal = new Error('schema-writes-held');
    const { before, calls } = parts(true, () => Promise.reject(refusal));
    await expect(before.hold(events, initialState, context)).rejects.toBe(refusal);
    expect(calls).toEqual(['gate']);
  });

  it('Given writes held and a version the log holds, When a decision is held, Then the gate first, then the holds', async () => {
    const { before, calls } = parts(true);
    await before.hold(events, initialState, context);
    expect(calls).toEqual(['gate', 'holds']);
  });
});
