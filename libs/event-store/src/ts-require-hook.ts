import { join } from 'node:path';

let hookSource: string | undefined;

/**
 * The source of a require hook that lets a fresh worker thread or Node process run this
 * repository's TypeScript sources, which have no Jest transform there: .ts files are compiled
 * with @swc/core (a dev dependency) and the @care-journey/* aliases are mapped to
 * libs/<name>/src, as jest.config.js does. One source for both users: the worker bootstrap
 * (worker-beside.ts) evaluates it, and test/contract/support/spawn-ts.ts writes it to a file
 * for `node --require`. Only called when running from sources: compiled code never needs it.
 */
export function tsRequireHookSource(): string {
  hookSource ??= sourceFor(
    require.resolve('@swc/core'),
    // libs/event-store/src → the repository's libs/
    join(__dirname, '..', '..'),
  );
  return hookSource;
}

const sourceFor = (swc: string, libs: string): string => `
(() => {
  const { transformSync } = require(${JSON.stringify(swc)});
  const fs = require('node:fs');
  const path = require('node:path');
  const Module = require('node:module');
  const resolveFilename = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    const alias = /^@care-journey\\/([a-z-]+)(\\/.*)?$/.exec(request);
    if (alias) request = path.join(${JSON.stringify(libs)}, alias[1], 'src', alias[2] || '');
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
})();
`;
