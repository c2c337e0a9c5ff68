import { join } from 'node:path';
import { spawnTs, waitForExit, waitForLine } from '../../testing/spawn-ts';

const HOLDER = join(__dirname, 'held-store.fixture.ts');

export interface HeldStore {
  pid: number;
  /** Asks the process to close the store, and waits until it has exited. */
  release(): Promise<void>;
  /** SIGKILL: the process dies without closing, its in-use marker left behind. */
  kill(): Promise<void>;
}

/** A child process holding `file` open as a store (or marking it as being restored) until released. */
export async function holdInAnotherProcess(
  file: string,
  role: 'store' | 'restore' = 'store',
): Promise<HeldStore> {
  const child = spawnTs(HOLDER, [file, role]);
  await waitForLine(child, /^held$/);
  return {
    pid: child.pid as number,
    release: async () => {
      const closed = waitForLine(child, /^closed$/);
      child.stdin.write('close\n');
      await closed;
      await waitForExit(child);
    },
    kill: async () => {
      child.kill('SIGKILL');
      await waitForExit(child);
    },
  };
}
