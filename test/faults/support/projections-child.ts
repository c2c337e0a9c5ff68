/**
 * Entry of the child process the projections SIGKILL spec kills. spawnTs's hook compiles .ts but
 * does not know the @care-journey/* aliases, so they are mapped here before the work is loaded.
 */
import { join, resolve } from 'node:path';
import Module from 'node:module';

const libs = resolve(__dirname, '../../../libs');
const alias = /^@care-journey\/(journey|event-store|projections|reporting|audit)(\/.*)?$/;
type Resolve = (request: string, ...rest: unknown[]) => string;
const withResolve = Module as unknown as { _resolveFilename: Resolve };
const original = withResolve._resolveFilename;
withResolve._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
  const match = alias.exec(request);
  return original.call(this, match ? join(libs, match[1], 'src', match[2] ?? '') : request, ...rest);
};

// Loaded only now, after the aliases: a static import would be hoisted above them.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('./projections-child-work');
