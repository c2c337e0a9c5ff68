import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Runs a compiled bench script (dist/bench/…) in its own Node process. */
export function spawnNode(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  nodeArgs: readonly string[] = [],
): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [...nodeArgs, script, ...args], {
    stdio: 'pipe',
    env: { ...process.env, ...env },
  });
}

/** Resolves with the first stdout line matching `pattern`; rejects if the child exits first. */
export function firstLine(
  child: ChildProcessWithoutNullStreams,
  pattern: RegExp,
  timeoutMs = 120_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`no ${pattern} within ${timeoutMs} ms: ${err}`)),
      timeoutMs,
    );
    const onErr = (chunk: Buffer) => (err += chunk.toString());
    const onOut = (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => pattern.test(l));
      if (line === undefined) return;
      clearTimeout(timer);
      // What the child writes afterwards (the API's access log: a line a request) is drained and
      // dropped, not gathered and searched again on every chunk.
      child.stdout.off('data', onOut);
      child.stderr.off('data', onErr);
      child.stdout.resume();
      child.stderr.resume();
      resolve(line);
    };
    child.stderr.on('data', onErr);
    child.stdout.on('data', onOut);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`child exited (${code}) before ${pattern}: ${err.slice(-2000)}`));
    });
  });
}

export function exited(child: ChildProcessWithoutNullStreams): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Peak resident memory of another process (Linux VmHWM), in MB; 0 where /proc is absent. */
export function peakRssOf(pid: number | undefined): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}
