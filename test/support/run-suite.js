// `npm test`: first `npm run typecheck` and `npm run lint` side by side (one process each, so one
// core each; their output printed whole as each ends), and only when both pass, every file of every
// Jest project (jest.config.js), in two runs, so that the specs that only talk to an app in their own
// process use every core while the ones that time processes, threads or a browser keep one file at a
// time:
//   1. unit, contract, e2e and browser on one worker per core, the IN_BAND lists aside (each e2e and
//      browser file has its own temp SQLite file and its app listens on port 0, so two never meet;
//      a browser file uses ~1.3 cores one at a time, so alone it left most of a core idle);
//   2. in band: faults, E2E_IN_BAND_SPECS, BROWSER_IN_BAND_SPECS and IN_BAND_SPECS.
// Both runs share one folder of compiled TypeScript (SWC_CACHE_VARIABLE): the worker threads and
// CLI processes that specs start from sources compile each file once per `npm test`, not per start.
// Arguments are passed to both Jest runs (`npm test` gives --ci), so not a path: `npx jest <path>`
// runs a few files. Both runs go ahead whatever the first one's outcome; the exit code is non-zero
// when a check or either run fails. Each run's closing-line reporter writes its results to a file,
// and the lines it would print for one run are printed here once, over both: the skip reasons, then
// `tests: N passed, N failed, N skipped` last.
// A plain CommonJS script (like the reporter), run by node without a transform.
/* eslint-disable @typescript-eslint/no-require-imports */
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, mkdtempSync, readFileSync, rmSync } = require('node:fs');
const { availableParallelism, tmpdir } = require('node:os');
const path = require('node:path');
const { closingLines, combined, RESULTS_FILE_VARIABLE } = require('./closing-line-reporter.js');
/* eslint-enable @typescript-eslint/no-require-imports */

const ROOT = path.resolve(__dirname, '../..');

/**
 * Unit and contract specs kept in band rather than beside another worker: each kills a child process
 * at a moment it picks, starts a thread or a process and waits a bounded time for it, or holds a
 * bound that a second worker's load on the other core would eat into.
 */
const IN_BAND_SPECS = [
  'apps/api/src/projections/projections.module.spec.ts', // a rebuild must finish within 100 polls of 20 ms
  'apps/api/src/projections/thread/projector-thread.spec.ts', // projector threads, 5 s to catch up
  'apps/projector/src/start-projector.spec.ts', // its log line is expected 30 ms after catching up
  'libs/event-store/src/sqlite/group-commit.crash.spec.ts', // SIGKILLs writer processes mid-commit
  'libs/event-store/src/sqlite/sqlite-backup.spec.ts', // a backup must finish within 10 s of live appends
  'libs/event-store/src/sqlite/sqlite-writer.spec.ts', // child processes holding and closing the store
  'libs/event-store/src/sqlite/thread-writer.contract.spec.ts', // the contract's 2-5 s waits, on a writer thread
  'libs/event-store/src/sqlite/wal-checkpoint.spec.ts', // the WAL's bound depends on the checkpoint thread's turns
  'libs/reporting/src/import903/crash.spec.ts', // SIGKILLs an import process at each step
  'test/contract/sqlite-durability.spec.ts', // SIGKILLs writers mid-batch, races two processes
];

/**
 * End-to-end specs kept in band: each starts the CLI or another process (whose start-up, under a
 * second worker's load, eats into Jest's 30 s per test), kills one, waits on a worker thread or a
 * projector's retry or heartbeat timing, asserts on elapsed time, or does seconds of CPU work (an
 * app and many password checks) in each test. The other e2e specs start the
 * app in their own process and only wait, for seconds at most, on its projector catching up with a
 * few events: those run beside another worker.
 */
const E2E_IN_BAND_SPECS = [
  'test/e2e/admin-rebuild-thread.e2e.spec.ts', // a rebuild on a worker thread, polled for 30 s
  'test/e2e/checkpoint-ahead.e2e.spec.ts', // a read must answer within 2 s
  'test/e2e/fold-version-upgrade.e2e.spec.ts', // the rebuild thread at start, polled for 10 s
  'test/e2e/health-after-cli-rebuild.e2e.spec.ts', // the CLI's rebuild, a process
  'test/e2e/import-rules.spec.ts', // ESLint in a child process, 60 s for it
  'test/e2e/newer-event-schema-cli.e2e.spec.ts', // the CLI, a process
  'test/e2e/newer-event-schema.e2e.spec.ts', // waits for the projector's retry (1 s, then 2 s)
  'test/e2e/projector-heartbeat-worker.e2e.spec.ts', // a projector process's 300 ms heartbeat; SIGKILLs it
  'test/e2e/projector-storage-failure.e2e.spec.ts', // the projector's 50-200 ms retries, polled for 5 s
  'test/e2e/rebuild-elsewhere.e2e.spec.ts', // spawns and SIGKILLs processes
  'test/e2e/request-log.e2e.spec.ts', // the CLI serving, a process
  'test/e2e/restore-read-models.e2e.spec.ts', // the CLI, a process
  'test/e2e/serve-exposed-development.e2e.spec.ts', // the CLI serving, a process
  'test/e2e/serve-store-file.e2e.spec.ts', // the CLI serving, a process
  'test/e2e/serve-trust-proxy-warning.e2e.spec.ts', // the CLI serving, a process
  'test/e2e/stuck-projector-worker.e2e.spec.ts', // a stuck projector's timing, polled for 5 s
  'test/e2e/stuck-projector.e2e.spec.ts', // a stuck projector's timing, polled for 5 s
  'test/e2e/test-suite-runs.spec.ts', // Jest itself, three processes listing every spec
  'test/e2e/upn-import.e2e.spec.ts', // the CLI's import, a process
  'test/e2e/security/jwt-rotation.e2e.spec.ts', // the CLI starting, processes
  'test/e2e/security/login-lockout.e2e.spec.ts', // an app and 11+ password checks per test, in 30 s
  'test/e2e/security/recorded-tokens.e2e.spec.ts', // the CLI serving; SIGKILLs it
  'test/e2e/security/session-extend.e2e.spec.ts', // sessions' lifetimes in whole seconds
  'test/e2e/security/token-revocation.e2e.spec.ts', // the CLI, and waits for the next second
  'test/e2e/security/web-sign-in-record.e2e.spec.ts', // the CLI's `audit tokens`, and waits for the next second
  'test/e2e/security/trust-proxy.e2e.spec.ts', // an app and 21+ password checks per test, in 30 s
];

/**
 * Browser specs kept in band: each gives the page or the test a few seconds of wall time for
 * something to happen, which a second worker's load on the other core would eat into.
 */
const BROWSER_IN_BAND_SPECS = [
  'test/e2e/browser/record-form-once.spec.ts', // holds a post at most 5 s for the second click; polls 15 s
  'test/e2e/browser/session-warning.spec.ts', // real sessions of minutes; polls 5 s for another tab's word
];

/** Every spec file of run 2 that the projects of run 1 would take too. */
const IN_BAND = [...IN_BAND_SPECS, ...E2E_IN_BAND_SPECS, ...BROWSER_IN_BAND_SPECS];

const escaped = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pathPattern = (file) => `^${escaped(path.join(ROOT, file))}$`;

/** One worker per core: the parent process only hands out files and prints. */
const workers = Math.max(1, availableParallelism());

const RUNS = [
  {
    name: `unit, contract, e2e and browser, ${workers} worker(s)`,
    args: [
      '--selectProjects',
      'unit',
      'contract',
      'e2e',
      'browser',
      `--maxWorkers=${workers}`,
      // Given here, these replace the projects' own ignore patterns (the e2e project leaves the
      // browser specs to the browser project by its testMatch, not by an ignore pattern).
      '--testPathIgnorePatterns',
      '/node_modules/',
      ...IN_BAND.map(pathPattern),
    ],
  },
  {
    name: 'faults and the in-band unit, contract, e2e and browser specs, one file at a time',
    args: [
      '--runInBand',
      '--testPathPattern',
      `^${escaped(path.join(ROOT, 'test/faults'))}/`,
      ...IN_BAND.map(pathPattern),
    ],
  },
];

const CHECKS = ['typecheck', 'lint'];

/** Read by libs/event-store/src/ts-require-hook.ts (its SWC_CACHE_VARIABLE). */
const SWC_CACHE_VARIABLE = 'CARE_JOURNEY_SWC_CACHE';

/**
 * A Jest run's arguments: the run's own, those passed on, and in CI (`--ci`, which `npm test`
 * passes, or CI set) `--forceExit`. A hook that times out leaves what it started running (an app
 * that listens, a timer, a child process); in band, that open handle kept the Jest process alive
 * after its last test until CI's job limit (jest.config.js: newer-event-schema's beforeAll at
 * load 30-35). Forced, the run exits once every test has reported, with the timed-out
 * hook as its failure. Not locally: there the hang shows the leak to whoever runs a file, which
 * `--detectOpenHandles` then names (docs/CONTRIBUTING.md, "A run that does not end").
 */
function jestArgs(run, passedOn, env = process.env) {
  const ci = passedOn.includes('--ci') || (env.CI !== undefined && env.CI !== '' && env.CI !== 'false');
  return [...run.args, ...passedOn, ...(ci ? ['--forceExit'] : [])];
}

/** Runs an npm script, its output kept and printed whole when it ends; resolves with its exit code. */
function npmRun(script) {
  // Under `npm test`, npm_execpath is the npm that runs this script.
  const [command, args] = process.env.npm_execpath
    ? [process.execPath, [process.env.npm_execpath, 'run', script]]
    : ['npm', ['run', script]];
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => output.push(Buffer.from(`${error}\n`)));
    child.on('close', (code, signal) => {
      process.stdout.write(Buffer.concat(output));
      const seconds = Math.round((Date.now() - started) / 1000);
      process.stdout.write(`run-suite: npm run ${script} ended (${code ?? signal}) in ${seconds} s\n`);
      resolve(code ?? 1);
    });
  });
}

async function main(passedOn) {
  process.stdout.write(
    `run-suite: npm run ${CHECKS.join(' and ')}, side by side (each printed as it ends)\n`,
  );
  const checked = await Promise.all(CHECKS.map(npmRun));
  const failedCheck = checked.find((code) => code !== 0);
  if (failedCheck !== undefined) return failedCheck;
  const missing = IN_BAND.filter((file) => !existsSync(path.join(ROOT, file)));
  if (missing.length > 0) {
    process.stderr.write(`run-suite: an IN_BAND list names files that do not exist: ${missing.join(', ')}\n`);
    return 1;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'care-journey-jest-'));
  const resultsFile = path.join(dir, 'results.jsonl');
  const jest = require.resolve('jest/bin/jest');
  const notes = [];
  let exitCode = 0;
  try {
    for (const run of RUNS) {
      const started = Date.now();
      process.stderr.write(`\nrun-suite: jest run "${run.name}"\n`);
      const before = readRuns(resultsFile).length;
      const { status, signal } = spawnSync(process.execPath, [jest, ...jestArgs(run, passedOn)], {
        cwd: ROOT,
        stdio: 'inherit',
        env: {
          ...process.env,
          [RESULTS_FILE_VARIABLE]: resultsFile,
          [SWC_CACHE_VARIABLE]: path.join(dir, 'swc-cache'),
        },
      });
      const seconds = Math.round((Date.now() - started) / 1000);
      process.stderr.write(`run-suite: jest run "${run.name}" ended (${status ?? signal}) in ${seconds} s\n`);
      if (status !== 0) exitCode = status || 1;
      if (readRuns(resultsFile).length === before)
        notes.push(`jest run "${run.name}" ended (${status ?? signal}) without reporting its tests`);
    }
    const lines = [...notes, ...closingLines(combined(readRuns(resultsFile)), ROOT)];
    process.stderr.write(lines.join('\n') + '\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return exitCode;
}

function readRuns(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line));
}

if (require.main === module) main(process.argv.slice(2)).then((code) => (process.exitCode = code));
module.exports = {
  BROWSER_IN_BAND_SPECS,
  E2E_IN_BAND_SPECS,
  IN_BAND_SPECS,
  jestArgs,
  RUNS,
  SWC_CACHE_VARIABLE,
};
