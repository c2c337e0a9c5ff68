/**
 * `npm test` runs Jest twice (test/support/run-suite.js): unit, contract, e2e and browser on every
 * core, and faults and the specs that time processes, threads or pages (IN_BAND_SPECS,
 * E2E_IN_BAND_SPECS, BROWSER_IN_BAND_SPECS) one file at a time. Every spec must still run, once,
 * and the run must still end with one closing line over everything
 * (test/support/closing-line-reporter.js).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SWC_CACHE_VARIABLE as HOOK_CACHE_VARIABLE } from '@care-journey/event-store';

/* eslint-disable @typescript-eslint/no-require-imports */
const reporter = require('../support/closing-line-reporter.js') as {
  new (globalConfig: { rootDir: string }): { onRunComplete(contexts: unknown, results: unknown): void };
  closingLines: (results: unknown, rootDir: string) => string[];
  combined: (runs: unknown[]) => unknown;
  RESULTS_FILE_VARIABLE: string;
};
const { BROWSER_IN_BAND_SPECS, E2E_IN_BAND_SPECS, IN_BAND_SPECS, jestArgs, RUNS, SWC_CACHE_VARIABLE } =
  require('../support/run-suite.js') as {
    BROWSER_IN_BAND_SPECS: string[];
    E2E_IN_BAND_SPECS: string[];
    IN_BAND_SPECS: string[];
    jestArgs: (
      run: { args: string[] },
      passedOn: string[],
      env: Record<string, string | undefined>,
    ) => string[];
    RUNS: { name: string; args: string[] }[];
    SWC_CACHE_VARIABLE: string;
  };
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = resolve(__dirname, '../..');

/** The spec files a Jest run with these arguments would run. */
const listed = (args: string[]): string[] =>
  execFileSync(process.execPath, [require.resolve('jest/bin/jest'), ...args, '--listTests'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((line) => line.startsWith('/'))
    .sort();

describe('npm test: two Jest runs', () => {
  it('Given the two runs, Then every spec file of every project is in exactly one, the e2e and browser specs beside the unit ones, and the in-band specs and faults in the one-at-a-time run', () => {
    const everySpec = listed([]);
    const [parallel, inBand] = RUNS.map((run) => listed(run.args));

    expect(everySpec.length).toBeGreaterThan(500);
    expect([...parallel, ...inBand].sort()).toEqual(everySpec);
    expect(RUNS[1].args).toContain('--runInBand');
    for (const spec of [...IN_BAND_SPECS, ...E2E_IN_BAND_SPECS, ...BROWSER_IN_BAND_SPECS]) {
      expect(inBand).toContain(join(ROOT, spec));
      expect(parallel).not.toContain(join(ROOT, spec));
    }
    const browser = (files: string[]) => files.filter((file) => file.includes('/test/e2e/browser/'));
    expect(browser(parallel).length).toBeGreaterThan(10);
    expect(
      browser(inBand)
        .map((file) => file.slice(ROOT.length + 1))
        .sort(),
    ).toEqual([...BROWSER_IN_BAND_SPECS].sort());
    expect(parallel.filter((file) => file.includes('/test/e2e/')).length).toBeGreaterThan(50);
    expect(E2E_IN_BAND_SPECS.every((spec) => spec.startsWith('test/e2e/'))).toBe(true);
    expect(BROWSER_IN_BAND_SPECS.every((spec) => spec.startsWith('test/e2e/browser/'))).toBe(true);
    expect(inBand.filter((file) => file.includes('/test/faults/')).length).toBeGreaterThan(3);
    expect(parallel.filter((file) => file.includes('/test/faults/'))).toEqual([]);
  });

  it('Given the e2e and browser specs in the parallel run, Then none starts a process (the CLI, spawn or fork): those wait on start-ups that a second worker would slow, so they run one at a time', () => {
    const [parallel] = RUNS.map((run) => listed(run.args));
    const startsAProcess = /\brunCli\b|\bspawn(Sync)?\(|\bfork\(|\bexecFile(Sync)?\(/;
    const e2eInParallel = parallel.filter((file) => file.includes('/test/e2e/'));
    expect(e2eInParallel.length).toBeGreaterThan(50);
    const spawning = e2eInParallel.filter((file) => startsAProcess.test(readFileSync(file, 'utf8')));
    expect(spawning.map((file) => file.slice(ROOT.length + 1))).toEqual([]);
  });

  it('Given npm test in CI (--ci, or CI set), Then both runs force Jest to exit after their last test (a timed-out hook cannot hang the job); run locally, they do not', () => {
    for (const run of RUNS) {
      expect(jestArgs(run, ['--ci'], {})).toEqual([...run.args, '--ci', '--forceExit']);
      expect(jestArgs(run, [], { CI: 'true' })).toEqual([...run.args, '--forceExit']);
      expect(jestArgs(run, [], {})).toEqual(run.args);
      expect(jestArgs(run, [], { CI: 'false' })).toEqual(run.args);
    }
  });

  it('Given the folder of compiled TypeScript both runs share, Then run-suite names it in the variable the require hook reads', () => {
    expect(SWC_CACHE_VARIABLE).toBe(HOOK_CACHE_VARIABLE);
  });

  it('Given each run’s reporter writing to the results file, Then the lines printed after both are those of one run over every file: counts added, each skip named', () => {
    const file = (name: string, tests: { title: string; status: string; ancestorTitles?: string[] }[]) => ({
      testFilePath: join(ROOT, name),
      testResults: tests,
      failureMessage: 'Jest’s own detail, not needed for the lines',
    });
    const first = {
      numPassedTests: 7,
      numFailedTests: 1,
      numPendingTests: 1,
      numTodoTests: 0,
      testResults: [
        file('libs/a.spec.ts', [
          { title: 'a rule', status: 'passed' },
          { title: 'a plain it.skip', status: 'pending', ancestorTitles: ['rules'] },
        ]),
      ],
    };
    const second = {
      numPassedTests: 5,
      numFailedTests: 0,
      numPendingTests: 2,
      numTodoTests: 1,
      testResults: [
        file('test/e2e/browser/b.spec.ts', [
          { title: 'skipped: browser tests: no chromium', status: 'pending' },
          { title: 'a page', status: 'pending' },
        ]),
        file('test/contract/c.spec.ts', [{ title: 'a todo', status: 'todo' }]),
      ],
    };
    const dir = mkdtempSync(join(tmpdir(), 'care-journey-closing-line-'));
    const resultsFile = join(dir, 'results.jsonl');
    const before = process.env[reporter.RESULTS_FILE_VARIABLE];
    process.env[reporter.RESULTS_FILE_VARIABLE] = resultsFile;
    try {
      for (const results of [first, second])
        new reporter({ rootDir: ROOT }).onRunComplete(undefined, results);
      const runs = readFileSync(resultsFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as unknown);

      expect(runs).toHaveLength(2);
      expect(reporter.closingLines(reporter.combined(runs), ROOT)).toEqual([
        'skipped 2 test(s) in 1 file(s) (test/e2e/browser/b.spec.ts): browser tests: no chromium',
        'skipped 1 test in libs/a.spec.ts: rules › a plain it.skip',
        'skipped 1 test in test/contract/c.spec.ts: a todo',
        'tests: 12 passed, 1 failed, 4 skipped',
      ]);
    } finally {
      if (before === undefined) delete process.env[reporter.RESULTS_FILE_VARIABLE];
      else process.env[reporter.RESULTS_FILE_VARIABLE] = before;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
