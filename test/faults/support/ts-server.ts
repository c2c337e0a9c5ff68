import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { tsRequireHookFile } from '@care-journey/event-store';

const ROOT = resolve(__dirname, '../../..');
const MAIN = join(ROOT, 'apps/api/src/main.ts');

/** Compiled files kept across a fault run's restarts of the API, so that each compiles once. */
const SWC_CACHE = join(tmpdir(), 'cj-faults-swc-cache');

export interface RunningServer {
  process: ChildProcessWithoutNullStreams;
  baseUrl: string;
  /** Everything the server wrote, for a failure message. */
  output: () => string;
}

/** Starts the API from its TypeScript entry (apps/api/src/main.ts) on a free port; resolves once it listens. */
export function startServer(env: Record<string, string>, timeoutMs = 60_000): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--require', tsRequireHookFile({ cacheDir: SWC_CACHE }), MAIN], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      // The suite's social worker scope (test/support/social-worker-scope-authority.js) reaches the server too.
      ...(process.env.CARE_JOURNEY_AUTHORITY !== undefined && {
        CARE_JOURNEY_AUTHORITY: process.env.CARE_JOURNEY_AUTHORITY,
      }),
      ...env,
    },
    stdio: 'pipe',
  });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`server did not start in ${timeoutMs} ms:\n${output.slice(-3000)}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening on (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolvePromise({
          process: child,
          baseUrl: match[1].replace('[::1]', '127.0.0.1'),
          output: () => output,
        });
      }
    };
    const onExit = (code: number | null) =>
      fail(new Error(`server exited (${code}) before listening:\n${output.slice(-3000)}`));
    function fail(error: Error) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    }
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', onExit);
  });
}

/** Resolves when the process has gone (after a kill). */
export function exited(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolvePromise) => child.once('exit', () => resolvePromise()));
}
