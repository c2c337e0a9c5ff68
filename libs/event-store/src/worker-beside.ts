import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Starts `<dir>/<name>.js` as a worker thread, with `settings` as its `workerData.settings`. Used by
 * the SQLite writer thread and the API's projector thread. Compiled, the worker is that .js. Run from
 * TypeScript sources (Jest runs the API and the store in-process), the thread has no Jest transform:
 * a small require hook compiles .ts with @swc/core (a dev dependency) and maps the @care-journey/*
 * aliases to libs/<name>/src, as jest.config.js does.
 */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const boot = workerData.boot;
if (boot.swc) {
  const { transformSync } = require(boot.swc);
  const fs = require('node:fs');
  const path = require('node:path');
  const Module = require('node:module');
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    const alias = /^@care-journey\\/([a-z-]+)(\\/.*)?$/.exec(request);
    if (alias) request = path.join(boot.libs, alias[1], 'src', alias[2] || '');
    return resolveFilename.call(this, request, ...rest);
  };
  require.extensions['.ts'] = function (module, filename) {
    const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
      filename, swcrc: false, sourceMaps: 'inline',
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    });
    module._compile(code, filename);
  };
}
require(boot.entry);
`;

interface Boot {
  entry: string;
  swc?: string;
  libs?: string;
}

function bootFor(dir: string, name: string): Boot {
  const js = join(dir, `${name}.js`);
  if (existsSync(js)) return { entry: js };
  return {
    entry: join(dir, `${name}.ts`),
    swc: require.resolve('@swc/core'),
    // libs/event-store/src → the repository's libs/
    libs: join(__dirname, '..', '..'),
  };
}

/** A worker thread running `<dir>/<name>` (.js compiled, .ts from sources). */
export function startWorkerBeside(dir: string, name: string, settings: unknown): Worker {
  return new Worker(BOOTSTRAP, { eval: true, workerData: { boot: bootFor(dir, name), settings } });
}
