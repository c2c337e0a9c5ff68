// Prints one plain closing line, "tests: N passed, N failed, N skipped", as the very last line of a
// run (after Jest's own summary), so CI can read the outcome without knowing Jest's format.
// Before it, once per reason, why whole suites were skipped: a suite that skips for want of
// something (chromium, a Docker engine) declares a test titled "skipped: <reason>", so a green run
// that ran no browser test or no real-EventStoreDB test says so where it is read; then every other
// skipped test by file and title, so the lines account for the closing line's count.
// `npm test` runs Jest more than once (test/support/run-suite.js): it names a file in
// CARE_JOURNEY_JEST_RESULTS_FILE, each run appends what the lines need to it instead of printing,
// and the suite prints the lines once, over every run.
// Jest loads reporters as CommonJS modules, so this file is one.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { appendFileSync } = require('node:fs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const path = require('node:path');

const SKIP_PREFIX = 'skipped: ';
const RESULTS_FILE_VARIABLE = 'CARE_JOURNEY_JEST_RESULTS_FILE';
const COUNTS = ['numPassedTests', 'numFailedTests', 'numPendingTests', 'numTodoTests'];

/** The lines to print for Jest's aggregated results (the closing line last). */
function closingLines(results, rootDir = process.cwd()) {
  const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
  const reasons = new Map(); // reason -> { files, tests }
  for (const file of results.testResults ?? []) {
    const placeholders = (file.testResults ?? []).filter(
      (test) => test.status === 'pending' && test.title.startsWith(SKIP_PREFIX),
    );
    for (const placeholder of placeholders) {
      const reason = placeholder.title.slice(SKIP_PREFIX.length);
      const seen = reasons.get(reason) ?? { files: [], tests: 0 };
      seen.files.push(path.relative(rootDir, file.testFilePath));
      seen.tests += file.testResults.filter((test) => test.status === 'pending').length;
      reasons.set(reason, seen);
    }
  }
  const lines = [...reasons].map(
    ([reason, { files, tests }]) =>
      `skipped ${tests} test(s) in ${files.length} file(s) (${files.join(', ')}): ${reason}`,
  );
  // Single tests skipped in a file with no placeholder (an adapter's "not applicable" case, a plain
  // it.skip): each named with its file, so the reasons add up to the closing line's count.
  for (const file of results.testResults ?? []) {
    const tests = file.testResults ?? [];
    if (tests.some((test) => test.status === 'pending' && test.title.startsWith(SKIP_PREFIX))) continue;
    for (const test of tests) {
      if (test.status !== 'pending' && test.status !== 'todo') continue;
      const title = [...(test.ancestorTitles ?? []), test.title].join(' › ');
      lines.push(`skipped 1 test in ${path.relative(rootDir, file.testFilePath)}: ${title}`);
    }
  }
  lines.push(
    `tests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped`,
  );
  return lines;
}

/** Of one run's results, only what closingLines reads (Jest's own hold every failure message). */
function essentials(results) {
  const counts = Object.fromEntries(COUNTS.map((count) => [count, results[count] ?? 0]));
  const testResults = (results.testResults ?? []).map((file) => ({
    testFilePath: file.testFilePath,
    testResults: (file.testResults ?? []).map(({ title, status, ancestorTitles }) => ({
      title,
      status,
      ancestorTitles,
    })),
  }));
  return { ...counts, testResults };
}

/** Several runs' results as one, for closingLines: the counts added, the files one after another. */
function combined(runs) {
  const counts = Object.fromEntries(
    COUNTS.map((count) => [count, runs.reduce((sum, run) => sum + (run[count] ?? 0), 0)]),
  );
  return { ...counts, testResults: runs.flatMap((run) => run.testResults ?? []) };
}

class ClosingLineReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig?.rootDir ?? process.cwd();
  }

  onRunComplete(_contexts, results) {
    const resultsFile = process.env[RESULTS_FILE_VARIABLE];
    if (resultsFile) {
      appendFileSync(resultsFile, JSON.stringify(essentials(results)) + '\n');
      return;
    }
    const text = closingLines(results, this.rootDir).join('\n') + '\n';
    process.once('exit', () => process.stderr.write(text));
  }
}
module.exports = ClosingLineReporter;
module.exports.closingLines = closingLines;
module.exports.essentials = essentials;
module.exports.combined = combined;
module.exports.RESULTS_FILE_VARIABLE = RESULTS_FILE_VARIABLE;
