// Prints one plain closing line, "tests: N passed, N failed, N skipped", as the very last line of a
// run (after Jest's own summary), so CI can read the outcome without knowing Jest's format.
class ClosingLineReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests, numFailedTests, numPendingTests, numTodoTests } = results;
    const line = `tests: ${numPassedTests} passed, ${numFailedTests} failed, ${numPendingTests + numTodoTests} skipped\n`;
    process.once('exit', () => process.stderr.write(line));
  }
}
module.exports = ClosingLineReporter;
