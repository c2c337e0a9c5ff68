import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Starts `<name>.js` beside this file as a worker thread (the compiled API). Run from TypeScript
 * sources (Jest runs the API in-process), the thread has no Jest transform: a small require hook
 * compiles .ts with @swc/core (a dev dependency) and maps the @care-journey/* aliases to
 * libs/<name>/src, as jest.config.js does.
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

function bootFor(name: string): Boot {
  const js = join(__dirname, `${name}.js`);
  if (existsSync(js)) return { entry: js };
  return {
    entry: join(__dirname, `${name}.ts`),
    swc: require.resolve('@swc/core'),
    // apps/api/src/projections/thread → the repository's libs/
    libs: join(__dirname, '..', '..', '..', '..', '..', 'libs'),
  };
}

/** A worker thread running `<name>` from this directory, with `settings` as its workerData.settings. */
export function startWorkerBeside(name: string, settings: unknown): Worker {
  return new Worker(BOOTSTRAP, { eval: true, workerData: { boot: bootFor(name), settings } });
}
