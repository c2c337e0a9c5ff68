import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TsRequireHookOptions {
  /**
   * Keep each compiled file here, named by a hash of its path and source, so that a process
   * started many times (the fault specs restart the API twenty-odd times) compiles each file once.
   * Default: the folder SWC_CACHE_VARIABLE names, if set; else no cache.
   */
  cacheDir?: string;
}

/**
 * `npm test` (test/support/run-suite.js) names a fresh folder here for the whole run, so that the
 * worker threads and CLI processes its specs start from sources share their compiled files: every
 * app a spec starts runs a projector thread (~270 files) and every CLI start loads ~800.
 */
export const SWC_CACHE_VARIABLE = 'CARE_JOURNEY_SWC_CACHE';

const cacheDirOf = (options: TsRequireHookOptions): string | undefined =>
  options.cacheDir ?? (process.env[SWC_CACHE_VARIABLE] || undefined);

/**
 * The source of a require hook that lets a fresh worker thread or Node process run this
 * repository's TypeScript sources, which have no Jest transform there. As jest.config.js does, it
 * compiles .ts with @swc/core (a dev dependency; decorators and their metadata, which Nest needs)
 * and maps the @care-journey/* aliases to libs/<name>/src. One source for every user: the worker
 * bootstrap (worker-beside.ts) evaluates it; the specs' child processes load it with
 * `node --require` (tsRequireHookFile). Only called when running from sources: compiled code
 * never needs it.
 */
export function tsRequireHookSource(options: TsRequireHookOptions = {}): string {
  return sourceFor(
    require.resolve('@swc/core'),
    // libs/event-store/src → the repository's libs/
    join(__dirname, '..', '..'),
    cacheDirOf(options),
  );
}

const hookFiles = new Map<string, string>();

/** The hook in a temp file, for `node --require <file>`: written once a process (per cache dir). */
export function tsRequireHookFile(options: TsRequireHookOptions = {}): string {
  const cacheDir = cacheDirOf(options);
  const key = cacheDir ?? '';
  let file = hookFiles.get(key);
  if (file === undefined) {
    file = join(mkdtempSync(join(tmpdir(), 'cj-swc-hook-')), 'register.js');
    writeFileSync(file, tsRequireHookSource({ cacheDir }));
    hookFiles.set(key, file);
  }
  return file;
}

const sourceFor = (swc: string, libs: string, cacheDir: string | undefined): string => `
(() => {
  const { transformSync } = require(${JSON.stringify(swc)});
  const crypto = require('node:crypto');
  const fs = require('node:fs');
  const path = require('node:path');
  const Module = require('node:module');
  const { threadId } = require('node:worker_threads');
  const cacheDir = ${JSON.stringify(cacheDir ?? null)};
  if (cacheDir) fs.mkdirSync(cacheDir, { recursive: true });
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    const alias = /^@care-journey\\/([a-z-]+)(\\/.*)?$/.exec(request);
    if (alias) request = path.join(${JSON.stringify(libs)}, alias[1], 'src', alias[2] || '');
    return resolveFilename.call(this, request, ...rest);
  };
  const compile = (source, filename) =>
    transformSync(source, {
      filename, swcrc: false, sourceMaps: 'inline',
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022', keepClassNames: true,
      },
      module: { type: 'commonjs' },
    }).code;
  const cached = (source, filename) => {
    const file = path.join(cacheDir, crypto.createHash('sha1').update(filename + '\\0' + source).digest('hex') + '.js');
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      const code = compile(source, filename);
      // Written whole under a name of this thread's own (threads share a pid: the projector, writer
      // and checkpointer start together on the same files), then renamed: no reader sees half a file.
      // A failed write or rename only means this file is not kept.
      const temp = file + '.' + process.pid + '.' + threadId + '.' + crypto.randomBytes(4).toString('hex');
      try {
        fs.writeFileSync(temp, code);
        fs.renameSync(temp, file);
      } catch {
        try { fs.unlinkSync(temp); } catch {}
      }
      return code;
    }
  };
  require.extensions['.ts'] = function (module, filename) {
    const source = fs.readFileSync(filename, 'utf8');
    module._compile(cacheDir ? cached(source, filename) : compile(source, filename), filename);
  };
})();
`;
