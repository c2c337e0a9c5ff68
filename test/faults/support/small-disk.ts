import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real small filesystem (tmpfs) when this process may mount one (root in a container that
 * allows it); undefined otherwise, and the caller falls back to SQLite's own limits.
 */
export interface SmallDisk {
  dir: string;
  /** Fills every free byte with a filler file (a real ENOSPC for whoever writes next). */
  fill(): void;
  /** Frees the space again. */
  free(): void;
  unmount(): void;
}

const run = (args: string[]) => execFileSync('mount', args, { stdio: 'pipe' });

export function mountSmallDisk(sizeMb: number): SmallDisk | undefined {
  if (process.env.FAULT_NO_MOUNT) return undefined; // exercise the fallback where mounting works
  const dir = mkdtempSync(join(tmpdir(), 'cj-disk-'));
  try {
    run(['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', dir]);
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  const filler = join(dir, 'filler');
  return {
    dir,
    fill() {
      const fd = openSync(filler, 'a');
      const chunk = Buffer.alloc(64 * 1024);
      try {
        for (;;) writeSync(fd, chunk);
      } catch {
        // ENOSPC: the disk is full; top up the last few bytes too
        try {
          for (;;) writeSync(fd, chunk, 0, 512);
        } catch {
          /* full */
        }
      } finally {
        closeSync(fd);
      }
    },
    free: () => rmSync(filler, { force: true }),
    unmount() {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
