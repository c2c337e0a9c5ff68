import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh directory in the OS temp dir per database; `remove` deletes it with WAL/SHM files. */
export class TempDb {
  private readonly dir = mkdtempSync(join(tmpdir(), 'cj-bench-'));
  readonly file = join(this.dir, 'events.db');

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
