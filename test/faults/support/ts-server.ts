import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const MAIN = join(ROOT, 'apps/api/src/main.ts');

/**
 * A require hook for a child Node process: compiles .ts with @swc/core (decorators and their
 * metadata, which Nest needs), resolves the @care-journey/* aliases to libs/, and caches the
 * output by content hash so the twenty-odd restarts of a fault run compile once.
 */
function hookSource(cacheDir: string): string {
  return `
const { transformSync } = require(${JSON.stringify(require.resolve('@swc/core'))});
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const Module = require('module');
const cacheDir = ${JSON.stringify(cacheDir)};
const libs = ${JSON.stringify(join(ROOT, 'libs'))};
const alias = /^@care-journey\\/(journey|event-store|projections|reporting|audit)(\\/.*)?$/;
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const match = alias.exec(request);
  if (match) request = path.join(libs, match[1], 'src', match[2] || '');
  return resolveFilename.call(this, request, ...rest);
};
require.extensions['.ts'] = function (module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const cached = path.join(cacheDir, crypto.createHash('sha1').update(filename + '\\0' + source).digest('hex') + '.js');
  let code;
  try { code = fs.readFileSync(cached, 'utf8'); } catch {
    code = transformSync(source, {
      filename, swcrc: false, sourceMaps: 'inline',
      jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022', keepClassNames: true },
      module: { type: 'commonjs' },
    }).code;
    fs.writeFileSync(cached + '.' + process.pid, code);
    fs.renameSync(cached + '.' + process.pid, cached);
  }
  module._compile(code, filename);
};
`;
}

let hookFile: string | undefined;
function hook(): string {
  if (hookFile) return hookFile;
  const dir = mkdtempSync(join(tmpdir(), 'cj-faults-hook-'));
  const cacheDir = join(tmpdir(), 'cj-faults-swc-cache');
  mkdirSync(cacheDir, { recursive: true });
  hookFile = join(dir, 'register.js');
  writeFileSync(hookFile, hookSource(cacheDir));
  return hookFile;
}

export interface RunningServer {
  process: ChildProcessWithoutNullStreams;
  baseUrl: string;
  /** Everything the server wrote, for a failure message. */
  output: () => string;
}

/** Starts the API from its TypeScript entry (apps/api/src/main.ts) on a free port; resolves once it listens. */
export function startServer(env: Record<string, string>, timeoutMs = 60_000): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--require', hook(), MAIN], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'test', ...env },
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
