import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { tsRequireHookFile } from '@care-journey/event-store';

const CLI = resolve(__dirname, '../../../apps/cli/main.ts');

export interface ServedCli {
  baseUrl: string;
  /** Stops it (SIGTERM) and gives everything it wrote to stdout and stderr. */
  stop(): Promise<string>;
}

/**
 * `care-journey serve` as an operator runs it, its output piped (not a terminal): resolves once it
 * listens. For what only the process shows: its log lines as written. Unlike start-cli.ts, it keeps
 * serving until stopped.
 */
export function serveCli(args: string[], env: Record<string, string | undefined>): Promise<ServedCli> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env };
  for (const name of Object.keys(env)) if (env[name] === undefined) delete childEnv[name];
  const child = spawn(process.execPath, ['--require', tsRequireHookFile(), CLI, 'serve', ...args], {
    env: childEnv,
  });
  let out = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async (): Promise<string> => {
    child.kill('SIGTERM');
    await exited;
    return out;
  };
  return new Promise((started, failed) => {
    const seen = (chunk: Buffer) => {
      out += chunk.toString();
      const listening = /Listening on (http:\/\/[^\s]+)/.exec(out);
      if (listening) started({ baseUrl: listening[1].replace(/\/$/, ''), stop });
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    void exited.then(() => failed(new Error(`serve exited before listening:\n${out}`)));
  });
}
