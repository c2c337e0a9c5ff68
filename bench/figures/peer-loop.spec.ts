import { ReviewDates, type ReviewTarget } from '../workload/review-targets';
import { runLoops, type Step } from './peer-loop';

const targets: ReviewTarget[] = Array.from({ length: 6 }, (_, i) => ({
  childId: `c${i}`,
  stream: `journey-c${i}`,
}));

describe('runLoops', () => {
  it('Given one step per loop, When 3 loops run, Then loop j runs its own step on its own children (j, j + 3)', async () => {
    const seen: string[][] = [[], [], []];
    const steps: Step[] = seen.map((mine) => async (child) => void mine.push(child.childId));
    const result = await runLoops(targets, 3, 2, steps, new ReviewDates());
    expect(seen).toEqual([
      ['c0', 'c3'],
      ['c1', 'c4'],
      ['c2', 'c5'],
    ]);
    expect(result).toMatchObject({ done: 6, errors: 0 });
  });

  it('Given a step that fails, Then the loop counts the error and names the first', async () => {
    const step: Step = async (child) => {
      if (child.childId === 'c1') throw new Error('SQLITE_BUSY: database is locked');
    };
    const result = await runLoops(targets, 2, 3, step, new ReviewDates());
    expect(result).toMatchObject({ done: 5, errors: 1, firstError: 'SQLITE_BUSY: database is locked' });
  });

  it('Given a limit of 1 error and a step that always fails, When 2 loops of 3 run, Then no loop starts a command once more than 1 has failed (one already in flight still ends)', async () => {
    const step: Step = async () => {
      throw new Error('SQLITE_BUSY: database is locked');
    };
    const result = await runLoops(targets, 2, 3, step, new ReviewDates(), 1);
    expect(result).toMatchObject({ done: 0, errors: 3 });
  });

  it('Given fewer steps than loops, Then it refuses before running', async () => {
    await expect(runLoops(targets, 3, 1, [async () => undefined], new ReviewDates())).rejects.toThrow(
      RangeError,
    );
  });
});
