/**
 * Runs a TypeScript file in a fresh Node process, for crash tests (SIGKILL needs a real process).
 * Children cannot use Jest's transform: they load the shared swc require hook
 * (libs/event-store/src/ts-require-hook.ts), which also maps the @care-journey/* aliases.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { tsRequireHookFile } from '@care-journey/event-store';

export function spawnTsWithAliases(file: string, args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--require', tsRequireHookFile(), file, ...args], { stdio: 'pipe' });
}

/** Calls `onLine` for every stdout line; resolves with the exit code or signal. */
export function watchLines(
  child: ChildProcessWithoutNullStreams,
  onLine: (line: string) => void,
): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  let buffer = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    lines.forEach(onLine);
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((done) => child.once('exit', (code, signal) => done({ code, signal, stderr })));
}
