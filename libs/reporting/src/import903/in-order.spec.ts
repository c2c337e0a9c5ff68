import { setTimeout as sleep } from 'node:timers/promises';
import { inOrder } from './in-order';

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const value of source) out.push(value);
  return out;
}

describe('inOrder (bounded concurrent runs, results in the items order)', () => {
  it('Given runs finishing out of order, Then results come in the items order and at most `limit` run at once', async () => {
    let running = 0;
    let most = 0;
    const results = await collect(
      inOrder([5, 1, 4, 2, 3, 0], 3, async (ms) => {
        most = Math.max(most, ++running);
        await sleep(ms * 3);
        running--;
        return ms * 10;
      }),
    );
    expect(results.map((r) => r.outcome)).toEqual([50, 10, 40, 20, 30, 0]);
    expect(results.map((r) => r.item)).toEqual([5, 1, 4, 2, 3, 0]);
    expect(most).toBe(3);
  });

  it('Given a failing run, Then it throws in order after the started runs settle, and starts no more', async () => {
    const started: number[] = [];
    const settled: number[] = [];
    const seen: number[] = [];
    const run = collect(
      inOrder([0, 1, 2, 3, 4, 5, 6], 2, async (item) => {
        started.push(item);
        await sleep(item === 2 ? 1 : 10);
        settled.push(item);
        if (item === 2) throw new Error('disk full');
        seen.push(item);
        return item;
      }),
    );
    await expect(run).rejects.toThrow('disk full');
    expect(started).toEqual([0, 1, 2, 3]);
    expect(settled.sort()).toEqual([0, 1, 2, 3]);
    expect(seen).toEqual([0, 1, 3]);
  });

  it('Given no items, Then nothing runs', async () => {
    expect(await collect(inOrder([], 4, () => Promise.reject(new Error('never'))))).toEqual([]);
  });
});
