import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { tsRequireHookFile } from '@care-journey/event-store';

const CLI = resolve(__dirname, '../../../apps/cli/main.ts');

/** Runs the CLI until it listens (then stops it) or exits; what it wrote, and which. */
export function startCli(
  args: string[],
  env: Record<string, string | undefined>,
): Promise<{ listening: boolean; code: number | null; out: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: '0', ...env };
  // Settings a spec leaves out are unset in the child, whatever the test process has.
  for (const name of [
    'HOST',
    'NODE_ENV',
    'CARE_JOURNEY_JWT_SECRET',
    'CARE_JOURNEY_USERS',
    'CARE_JOURNEY_TRUST_PROXY',
  ])
    if (env[name] === undefined) delete childEnv[name];
  const child = spawn(process.execPath, ['--require', tsRequireHookFile(), CLI, ...args], { env: childEnv });
  let out = '';
  let listening = false;
  const seen = (chunk: Buffer) => {
    out += chunk.toString();
    if (!listening && /Listening on /.test(out)) {
      listening = true;
      child.kill('SIGTERM');
    }
  };
  child.stdout.on('data', seen);
  child.stderr.on('data', seen);
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((done) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      done({ listening, code, out });
    }),
  );
}
