/**
 * Read models that do not belong to the event log (log-tie.ts) are replaced by an empty generation,
 * projected from position 0; the reason is kept beside the new generation.
 */
import type { Checkpoints } from './read-model-store-checkpoints';
import type { ReadModelFile } from './read-model-store-file';
import type { Generations } from './read-model-store-generations';
import { realignedKey, type Realigned } from './log-tie';

export class Realignment {
  constructor(
    private readonly file: ReadModelFile,
    private readonly generations: Generations,
    private readonly checkpoints: Checkpoints,
  ) {}

  /**
   * Serve an empty generation instead of `generation`, and drop it, in one transaction. Nothing is
   * done (undefined) if `generation` is no longer served or its checkpoint has moved since it was
   * checked (another process realigned or rebuilt it). A rebuild running meanwhile is left alone:
   * its generation is numbered below the new one and replaces it when it switches.
   */
  realign(
    generation: number,
    checkpoint: bigint | undefined,
    record: Omit<Realigned, 'generation'>,
  ): number | undefined {
    return this.file.write(() => {
      if (this.generations.current() !== generation || this.checkpoints.at(generation) !== checkpoint)
        return undefined;
      const next = this.generations.highest() + 1;
      this.generations.prepare(next, true);
      this.generations.serve(next);
      this.file.db
        .prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`)
        .run(realignedKey(next), JSON.stringify({ ...record, generation: next } satisfies Realigned));
      this.generations.drop(generation);
      return next;
    });
  }

  /** Why the served generation was started afresh from position 0, if it was. */
  realigned(): Realigned | undefined {
    return this.file.read(() => {
      const row = this.file
        .stmt(`SELECT value FROM meta WHERE key = ?`)
        .get(realignedKey(this.generations.current())) as { value: string } | undefined;
      return row ? (JSON.parse(row.value) as Realigned) : undefined;
    });
  }
}
