import type { Timed } from '../support/timing';
import {
  alternatedRounds,
  bestWorking,
  errorShare,
  MAX_ERROR_SHARE,
  ratiosPerRound,
  type LoopResult,
} from './peer-rounds';

const run = (done: number, seconds: number, errors = 0): Timed<LoopResult> => ({
  result: { done, seconds, errors },
  seconds,
  peakRssMb: 0,
});

describe('the peer’s rounds', () => {
  it('Given three contenders and three rounds, When alternated, Then each runs once a round, the order reversed each round', async () => {
    const order: string[] = [];
    const contender = (name: string) => ({
      name,
      run: async () => {
        order.push(name);
        return run(10, 1);
      },
    });
    const results = await alternatedRounds(3, [contender('a'), contender('b'), contender('c')]);
    expect(order).toEqual(['a', 'b', 'c', 'c', 'b', 'a', 'a', 'b', 'c']);
    expect([...results.keys()]).toEqual(['a', 'b', 'c']);
    expect(results.get('b')).toHaveLength(3);
  });

  it('Given two contenders’ runs, Then the ratio is taken within each round', () => {
    expect(ratiosPerRound([run(100, 1), run(300, 1)], [run(10, 1), run(50, 1)])).toEqual([10, 6]);
    expect(() => ratiosPerRound([run(1, 1)], [])).toThrow(RangeError);
  });

  it('Given a contender that failed most of its first round, When alternated, Then it is not run again and the ratio covers the round both ran', async () => {
    const results = await alternatedRounds(3, [
      { name: 'ours', run: async () => run(100, 1) },
      { name: 'busy', run: async () => run(10, 1, 90) },
    ]);
    expect(results.get('ours')).toHaveLength(3);
    expect(results.get('busy')).toHaveLength(1);
    expect(ratiosPerRound(results.get('ours') ?? [], results.get('busy') ?? [])).toEqual([10]);
  });

  it('Given a faster configuration whose commands failed more than 1 in 100, Then the best working one is the fastest of the others', () => {
    const results = new Map([
      ['per-call store', [run(200, 1), run(190, 1), run(210, 1)]],
      ['one connection', [run(600, 1), run(650, 1, 1), run(620, 1)]],
      ['8 connections', [run(900, 1), run(950, 1, 30), run(910, 1)]],
      ['ours', [run(5000, 1), run(5000, 1), run(5000, 1)]],
    ]);
    expect(bestWorking(results, ['per-call store', 'one connection', '8 connections'])).toBe(
      'one connection',
    );
    expect(bestWorking(results, ['8 connections'])).toBeUndefined();
  });

  it('Given 1 failed command in 1,871, Then its error share is within the limit; 30 in 2,790 is not', () => {
    expect(errorShare([run(600, 1), run(650, 1, 1), run(620, 1)])).toBeLessThanOrEqual(MAX_ERROR_SHARE);
    expect(errorShare([run(900, 1), run(950, 1, 30), run(910, 1)])).toBeGreaterThan(MAX_ERROR_SHARE);
  });
});
