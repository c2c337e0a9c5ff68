/**
 * Generations of the read models: the one served, and a fresh one a rebuild writes and then
 * switches to, dropping the old one, atomically. Dropping a generation forgets everything kept of it.
 */
import type { ReadModelFile } from './read-model-store-file';
import type { Checkpoints } from './read-model-store-checkpoints';
import { changeLogStartKey } from './read-model-store-change-log-start';
import { realignedKey } from './log-tie';
import { projectorFailureKey } from './read-model-store-projector-failure';
import { FOLD_VERSION } from './fold-version';
import { foldVersionKey, foldVersionOf, stampFoldVersion } from './read-model-store-fold-version';
import { feedContentKey, stampFeedContent } from './read-model-store-feed-content';
import { createGenerationTables, createSummaryIndexes, dropGenerationTables } from './read-model-schema';
import type { RebuildProgress } from './rebuild';
import { deleteRebuildRecord, writeRebuildRecord } from './rebuild-record';

export class Generations {
  constructor(
    private readonly file: ReadModelFile,
    private readonly checkpoints: Checkpoints,
    /** Called before a generation is dropped: what is kept in memory of the file is stale. */
    private readonly onDrop: () => void,
    /** The feed content id this process folds with (feed/feed-content.ts), stamped on each generation. */
    private readonly feedContent: string,
  ) {}

  /** The served generation, or undefined in a file not set up yet. */
  served(): number | undefined {
    const row = this.file.stmt(`SELECT value FROM meta WHERE key = 'generation'`).get() as
      { value: string } | undefined;
    return row ? Number(row.value) : undefined;
  }

  /** The generation queries read. */
  current(): number {
    const generation = this.served();
    if (generation === undefined)
      throw new Error(`Read-model file ${this.file.file} has no current generation`);
    return generation;
  }

  /**
   * Tables and an empty checkpoint for `generation` (its summaries' indexes only with `indexes`),
   * stamped with this code's fold version and feed content id: whatever fills it folds with this code.
   */
  prepare(generation: number, indexes: boolean): void {
    createGenerationTables(this.file.db, generation, { indexes });
    this.checkpoints.start(generation);
    stampFoldVersion(this.file, generation, FOLD_VERSION);
    stampFeedContent(this.file, generation, this.feedContent);
  }

  /** The fold version `generation` was made by (undefined: before versions were stamped). */
  foldVersion(generation: number): number | undefined {
    return foldVersionOf(this.file, generation);
  }

  /** Makes `generation` the served one (in the caller's transaction). */
  serve(generation: number): void {
    this.file.db.prepare(`UPDATE meta SET value = ? WHERE key = 'generation'`).run(String(generation));
  }

  /** A fresh, empty generation for a rebuild; leftovers of an abandoned rebuild are dropped first. */
  create(): number {
    return this.file.write(() => {
      const current = this.current();
      for (const generation of this.checkpoints.generations())
        if (generation !== current) this.drop(generation);
      const next = current + 1;
      // Not served before switchTo, which adds the summaries' indexes (see index).
      this.prepare(next, false);
      return next;
    });
  }

  /**
   * The summaries' secondary indexes of a generation made by create (left out while a rebuild
   * writes it); switchTo adds them too, so call this first to keep the switch short.
   */
  index(generation: number): void {
    this.file.write(() => createSummaryIndexes(this.file.db, generation));
  }

  /**
   * Serve `generation` from now on (with its indexes) and drop the previous one, atomically; with
   * `rebuild`, the rebuild that made it is stored in the same transaction (see rebuild-record.ts).
   */
  switchTo(generation: number, rebuild?: RebuildProgress): void {
    this.file.write(() => {
      createSummaryIndexes(this.file.db, generation);
      const previous = this.current();
      this.serve(generation);
      if (rebuild) writeRebuildRecord(this.file.db, generation, rebuild);
      if (previous !== generation) this.drop(previous);
    });
  }

  /** Drops a generation that is not served (an abandoned rebuild). */
  discard(generation: number): void {
    this.file.write(() => {
      if (generation === this.current()) throw new Error(`Generation ${generation} is being served`);
      this.drop(generation);
    });
  }

  /** The highest generation the file holds (served or being rebuilt). */
  highest(): number {
    return (
      this.file.db.prepare(`SELECT MAX(generation) AS highest FROM checkpoints`).get() as { highest: number }
    ).highest;
  }

  /** Drops a generation's tables and everything recorded of it (in the caller's transaction). */
  drop(generation: number): void {
    this.onDrop();
    dropGenerationTables(this.file.db, generation);
    this.checkpoints.forget(generation);
    this.file.db.prepare(`DELETE FROM meta WHERE key = ?`).run(changeLogStartKey(generation));
    this.file.db.prepare(`DELETE FROM meta WHERE key = ?`).run(realignedKey(generation));
    this.file.db.prepare(`DELETE FROM meta WHERE key = ?`).run(projectorFailureKey(generation));
    this.file.db.prepare(`DELETE FROM meta WHERE key = ?`).run(foldVersionKey(generation));
    this.file.db.prepare(`DELETE FROM meta WHERE key = ?`).run(feedContentKey(generation));
    deleteRebuildRecord(this.file.db, generation);
  }
}
