/**
 * Runs a TypeScript file in a fresh Node process, for crash tests (SIGKILL needs a real process).
 * Children cannot use Jest's transform, so a small require hook compiles .ts with @swc/core and
 * resolves the @care-journey/* aliases to libs/<name>/src, as jest.config.js does.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const LIBS = resolve(__dirname, '..', '..', '..', '..');
let hookFile: string | undefined;

function hook(): string {
  if (hookFile) return hookFile;
  const code = `
const { transformSync } = require(${JSON.stringify(require.resolve('@swc/core'))});
const fs = require('fs');
const path = require('path');
const Module = require('module');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const m = /^@care-journey\\/([a-z-]+)(\\/.*)?$/.exec(request);
  if (m) request = path.join(${JSON.stringify(LIBS)}, m[1], 'src', m[2] || '');
  return resolveFilename.call(this, request, ...rest);
};
require.extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename, swcrc: false,
    jsc: { parser: { syntax: 'typescript', decorators: true }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
};
`;
  hookFile = join(mkdtempSync(join(tmpdir(), 'cj-import-hook-')), 'register.js');
  writeFileSync(hookFile, code);
  return hookFile;
}

export function spawnTsWithAliases(file: string, args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--require', hook(), file, ...args], { stdio: 'pipe' });
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
