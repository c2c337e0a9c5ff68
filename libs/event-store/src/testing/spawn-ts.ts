import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { tsRequireHookFile } from '../ts-require-hook';

/**
 * Runs a TypeScript file in a fresh Node process (with this process's environment, plus `env`).
 * Children cannot use Jest's transform: they load the shared swc require hook.
 */
export function spawnTs(
  file: string,
  args: string[],
  env: Record<string, string> = {},
): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--require', tsRequireHookFile(), file, ...args], {
    stdio: 'pipe',
    env: { ...process.env, ...env },
  });
}

/**
 * Resolves with the first stdout line matching `pattern` (a regular expression or a test), or
 * rejects when the child exits first or after `timeoutMs`.
 */
export function waitForLine(
  child: ChildProcessWithoutNullStreams,
  pattern: RegExp | ((line: string) => boolean),
  timeoutMs = 30_000,
): Promise<string> {
  const matches = typeof pattern === 'function' ? pattern : (line: string) => pattern.test(line);
  const wanted = typeof pattern === 'function' ? 'a matching line' : String(pattern);
  return new Promise((resolve, reject) => {
    let buffer = '';
    let stderr = '';
    const timer = setTimeout(
      () => finish(new Error(`child did not print ${wanted} within ${timeoutMs} ms; stderr: ${stderr}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      const line = lines.find(matches);
      if (line !== undefined) finish(undefined, line);
    };
    const onErr = (chunk: Buffer) => (stderr += chunk.toString());
    const onExit = (code: number | null, signal: string | null) =>
      finish(new Error(`child exited (${code ?? signal}) before printing ${wanted}; stderr: ${stderr}`));
    function finish(error: Error | undefined, line?: string) {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.stderr.off('data', onErr);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(line as string);
    }
    child.stdout.on('data', onData);
    child.stderr.on('data', onErr);
    child.on('exit', onExit);
  });
}

export function waitForExit(
  child: ChildProcessWithoutNullStreams,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}
