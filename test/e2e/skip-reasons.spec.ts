/**
 * Suites that skip for want of something say why (review M6): the closing-line reporter prints each
 * reason once before the closing line, and the browser tests fail instead of skipping under CI.
 */
import { join } from 'node:path';
import { browserTestsPlan } from './browser/support/chromium';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { closingLines } = require('../support/closing-line-reporter.js') as {
  closingLines: (results: unknown, rootDir: string) => string[];
};

const ROOT = '/repo';
const test = (title: string, status: string) => ({ title, status });
const file = (name: string, tests: { title: string; status: string; ancestorTitles?: string[] }[]) => ({
  testFilePath: join(ROOT, name),
  testResults: tests,
});

describe('why suites were skipped, at the end of the run', () => {
  it('Given two browser files and the ESDB suite skipped, Then each reason is printed once with its files and counts, and the closing line stays last', () => {
    const reason =
      'browser tests: no chromium at /usr/bin/chromium (apt-get install chromium, or set CARE_JOURNEY_CHROMIUM)';
    const lines = closingLines(
      {
        numPassedTests: 10,
        numFailedTests: 0,
        numPendingTests: 6,
        numTodoTests: 0,
        testResults: [
          file('test/e2e/browser/a.spec.ts', [
            test(`skipped: ${reason}`, 'pending'),
            test('a page', 'pending'),
          ]),
          file('test/e2e/browser/b.spec.ts', [
            test(`skipped: ${reason}`, 'pending'),
            test('b page', 'pending'),
          ]),
          file('test/contract/eventstoredb.contract.spec.ts', [
            test('skipped: no Docker engine reachable', 'pending'),
          ]),
          file('libs/x.spec.ts', [test('a rule', 'passed'), test('a plain it.skip', 'pending')]),
        ],
      },
      ROOT,
    );
    expect(lines).toEqual([
      `skipped 4 test(s) in 2 file(s) (test/e2e/browser/a.spec.ts, test/e2e/browser/b.spec.ts): ${reason}`,
      'skipped 1 test(s) in 1 file(s) (test/contract/eventstoredb.contract.spec.ts): no Docker engine reachable',
      'skipped 1 test in libs/x.spec.ts: a plain it.skip',
      'tests: 10 passed, 0 failed, 6 skipped',
    ]);
  });

  it('Given tests an adapter skips as not applicable, Then each is named with its file and suite, and the lines add up to the count', () => {
    const lines = closingLines(
      {
        numPassedTests: 5,
        numFailedTests: 0,
        numPendingTests: 2,
        numTodoTests: 0,
        testResults: [
          file('test/contract/esdb.contract.spec.ts', [
            { title: 'appends', status: 'passed' },
            {
              title: 'lets one writer win (skipped on this adapter: onlyIf not atomic)',
              status: 'pending',
              ancestorTitles: ['EventStoreDB contract', 'onlyIf'],
            },
          ]),
          file('test/contract/sqlite.contract.spec.ts', [{ title: 'a todo', status: 'todo' }]),
        ],
      },
      ROOT,
    );
    expect(lines).toEqual([
      'skipped 1 test in test/contract/esdb.contract.spec.ts: EventStoreDB contract › onlyIf › lets one writer win (skipped on this adapter: onlyIf not atomic)',
      'skipped 1 test in test/contract/sqlite.contract.spec.ts: a todo',
      'tests: 5 passed, 0 failed, 2 skipped',
    ]);
  });

  it('Given nothing skipped for a reason, Then only the closing line', () => {
    expect(
      closingLines(
        { numPassedTests: 3, numFailedTests: 1, numPendingTests: 0, numTodoTests: 1, testResults: [] },
        ROOT,
      ),
    ).toEqual(['tests: 3 passed, 1 failed, 1 skipped']);
  });
});

describe('browser tests without chromium', () => {
  const missing = () => false;

  it('Given chromium is there, Then they run', () => {
    expect(browserTestsPlan({ CI: 'true' }, '/usr/bin/chromium', () => true)).toEqual({ run: true });
  });

  it('Given no chromium and no CI, Then they skip, saying where it was looked for', () => {
    expect(browserTestsPlan({}, '/usr/bin/chromium', missing)).toEqual({
      run: false,
      fail: false,
      reason: expect.stringContaining('no chromium at /usr/bin/chromium'),
    });
  });

  it('Given no chromium under CI, Then they fail', () => {
    for (const CI of ['true', '1'])
      expect(browserTestsPlan({ CI }, '/opt/chromium', missing)).toMatchObject({ run: false, fail: true });
    expect(browserTestsPlan({ CI: 'false' }, '/opt/chromium', missing)).toMatchObject({ fail: false });
  });
});
