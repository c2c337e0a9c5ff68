import { consumerNotice, planPositions } from './restore-positions';

describe('planPositions (where a restored log continues)', () => {
  it('Given the replaced store reached 8 and the backup 5, Then new events go after 8', () => {
    expect(planPositions(5n, { head: 8n, reusePositions: false }, '/s.db')).toEqual({
      kind: 'continue',
      lastGivenOut: 8n,
    });
  });

  it('Given --continue-after higher than the replaced head, Then the higher one wins', () => {
    expect(planPositions(5n, { head: 8n, continueAfter: 12n, reusePositions: false }, '/s.db')).toEqual({
      kind: 'continue',
      lastGivenOut: 12n,
    });
  });

  it('Given --continue-after below the backup head, Then the log simply continues after the backup', () => {
    const plan = planPositions(5n, { continueAfter: 3n, reusePositions: false }, '/s.db');
    expect(plan).toEqual({ kind: 'continue', lastGivenOut: 5n });
    expect(consumerNotice(5n, plan)).toContain('new events start after 5');
  });

  it('Given no known end of the old log, When nothing is acknowledged, Then it refuses, naming the reason and both ways on', () => {
    const plan = planPositions(5n, { unknownBecause: 'no store at /s.db', reusePositions: false }, '/s.db');
    expect(plan.kind).toBe('refuse');
    expect(plan.kind === 'refuse' && plan.message).toMatch(
      /no store at \/s\.db.*after the backup's head \(5\).*--continue-after <position>.*--reuse-positions.*Nothing was changed/,
    );
  });

  it('Given no known end of the old log, When --reuse-positions, Then positions after the backup head are reused and the jobs told to go back', () => {
    const plan = planPositions(5n, { reusePositions: true }, '/s.db');
    expect(plan).toEqual({ kind: 'reuse' });
    expect(consumerNotice(5n, plan, 6n)).toContain('set such a job back to 5');
  });
});
