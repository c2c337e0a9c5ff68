import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Child processes cannot use Jest's transform, so they get a tiny require hook that compiles
 * .ts files with @swc/core (already a dev dependency). The hook is written to a temp file once.
 */
let hookFile: string | undefined;

function registerHook(): string {
  if (hookFile) return hookFile;
  const swc = require.resolve('@swc/core');
  const code = `
const { transformSync } = require(${JSON.stringify(swc)});
const fs = require('fs');
require.extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename, swcrc: false, sourceMaps: 'inline',
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
`;
  hookFile = join(mkdtempSync(join(tmpdir(), 'cj-swc-hook-')), 'register.js');
  writeFileSync(hookFile, code);
  return hookFile;
}

/** Runs a TypeScript file in a fresh Node process. */
export function spawnTs(file: string, args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--require', registerHook(), file, ...args], { stdio: 'pipe' });
}

/** Resolves with the first stdout line matching `pattern` (or rejects when the child exits first). */
export function waitForLine(
  child: ChildProcessWithoutNullStreams,
  pattern: RegExp,
  timeoutMs = 30_000,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    let stderr = '';
    const timer = setTimeout(
      () => finish(new Error(`child did not print ${pattern} within ${timeoutMs} ms; stderr: ${stderr}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      const line = lines.find((l) => pattern.test(l));
      if (line !== undefined) finish(undefined, line);
    };
    const onErr = (chunk: Buffer) => (stderr += chunk.toString());
    const onExit = (code: number | null, signal: string | null) =>
      finish(new Error(`child exited (${code ?? signal}) before printing ${pattern}; stderr: ${stderr}`));
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
