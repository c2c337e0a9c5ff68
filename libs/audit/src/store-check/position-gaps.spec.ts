import { describeGap, PositionGaps } from './position-gaps';

const at = (position: number, type = 'Noted', data: unknown = {}) => ({
  globalPosition: BigInt(position),
  type,
  data,
});

const gapsOf = (...events: ReturnType<typeof at>[]) => {
  const gaps = new PositionGaps();
  for (const event of events) gaps.see(event);
  return gaps.gaps;
};

describe('PositionGaps (holes in a SQLite log)', () => {
  it('Given positions 1 to the head, Then there is no hole', () => {
    expect(gapsOf(at(1), at(2), at(3))).toEqual([]);
    expect(gapsOf()).toEqual([]);
  });

  it('Given events deleted from the middle and the start, Then each hole is named with its size', () => {
    expect(gapsOf(at(3), at(4), at(8))).toEqual([
      { from: '1', to: '2', events: 2 },
      { from: '5', to: '7', events: 3 },
    ]);
  });

  it("Given a restore's recorded hole (StoreRestored right after it, naming it), Then it is not a hole", () => {
    const marker = at(9, 'StoreRestored', { positionsNotInBackup: { from: '6', to: '8' } });
    expect(gapsOf(at(1), at(2), at(3), at(4), at(5), marker, at(10))).toEqual([]);
  });

  it('Given a StoreRestored that names other positions than the hole before it, Then the hole counts', () => {
    const marker = at(9, 'StoreRestored', { positionsNotInBackup: { from: '7', to: '8' } });
    expect(gapsOf(at(1), at(2), at(3), at(4), at(5), marker)).toEqual([{ from: '6', to: '8', events: 3 }]);
    const reused = at(9, 'StoreRestored', { positionsNotInBackup: null, positionsReusedFrom: '6' });
    expect(gapsOf(at(5), reused)).toEqual([
      { from: '1', to: '4', events: 4 },
      { from: '6', to: '8', events: 3 },
    ]);
  });

  it('describes a hole in words', () => {
    expect(describeGap({ from: '5', to: '7', events: 3 })).toBe(
      'positions 5–7 are missing from the log (3 events deleted: no restore left them unused)',
    );
    expect(describeGap({ from: '5', to: '5', events: 1 })).toBe(
      'position 5 is missing from the log (1 event deleted: no restore left it unused)',
    );
  });
});
