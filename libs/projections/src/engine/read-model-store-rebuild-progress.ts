/**
 * Rebuild progress kept in the file, so any process (the API, the CLI) can say what a rebuild is
 * doing or did: a running rebuild's, under the generation it writes; a finished one's, under the
 * generation it made (stored by the switch). See rebuild-record.ts and running-rebuild.ts.
 */
import type { Checkpoints } from './read-model-store-checkpoints';
import type { ReadModelFile } from './read-model-store-file';
import type { Generations } from './read-model-store-generations';
import type { RebuildProgress } from './rebuild';
import { readRebuildRecord, writeRebuildRecord } from './rebuild-record';

export class RebuildProgressRecords {
  constructor(
    private readonly file: ReadModelFile,
    private readonly generations: Generations,
    private readonly checkpoints: Checkpoints,
  ) {}

  /**
   * The rebuild that produced the served generation, as the process that ran it stored it;
   * undefined when the served read models were projected live from the start. Read with the
   * generation in one snapshot.
   */
  served(): RebuildProgress | undefined {
    return this.file.read(() => readRebuildRecord<RebuildProgress>(this.file.db, this.generations.current()));
  }

  /**
   * A running rebuild's progress, stored under the generation it writes (not served yet). Ignored
   * once that generation is served (the switch stored the finished rebuild) or gone (discarded by
   * a failure or another rebuild).
   */
  record(generation: number, record: object): void {
    this.file.write(() => {
      if (generation === this.generations.current()) return;
      if (!this.checkpoints.has(generation)) return;
      writeRebuildRecord(this.file.db, generation, record);
    });
  }

  /** The progress a running rebuild (any process's) last stored for a generation not served yet. */
  inProgress<T>(): T | undefined {
    return this.file.read(() => {
      const current = this.generations.current();
      const pending = this.file
        .stmt(`SELECT generation FROM checkpoints WHERE generation > ? ORDER BY generation DESC`)
        .all(current) as { generation: number }[];
      for (const { generation } of pending) {
        const record = readRebuildRecord<T>(this.file.db, generation);
        if (record) return record;
      }
      return undefined;
    });
  }
}
