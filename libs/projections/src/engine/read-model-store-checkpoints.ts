/**
 * Each generation's checkpoint (the last global position applied, written in the batch's own
 * transaction) and its log tie: the id of the event at that position (log-tie.ts).
 */
import type { ReadModelFile } from './read-model-store-file';
import type { LogTie } from './log-tie';

export class Checkpoints {
  constructor(private readonly file: ReadModelFile) {}

  at(generation: number): bigint | undefined {
    const row = this.file.stmt(`SELECT position FROM checkpoints WHERE generation = ?`).get(generation) as
      { position: string | null } | undefined;
    return row?.position == null ? undefined : BigInt(row.position);
  }

  /** An empty checkpoint for a new generation (nothing applied yet). */
  start(generation: number): void {
    this.file.db
      .prepare(`INSERT OR REPLACE INTO checkpoints (generation, position, updated_at) VALUES (?, NULL, ?)`)
      .run(generation, new Date().toISOString());
  }

  /**
   * The checkpoint with its log tie: the id of the event at `position` (one statement, so the
   * batch's transaction costs no more). Without the id (not known), the tie is left unset.
   */
  move(generation: number, position: bigint, eventId: string | undefined): void {
    const at = position.toString();
    this.file
      .stmt(
        `UPDATE checkpoints SET position = ?, updated_at = ?, event_position = ?, event_id = ? WHERE generation = ?`,
      )
      .run(at, new Date().toISOString(), eventId === undefined ? null : at, eventId ?? null, generation);
  }

  /** A generation's checkpoint and its log tie, read together (undefined for an unknown generation). */
  logTie(generation: number): LogTie | undefined {
    return this.file.read(() => {
      const row = this.file
        .stmt(`SELECT position, event_position, event_id FROM checkpoints WHERE generation = ?`)
        .get(generation) as
        { position: string | null; event_position: string | null; event_id: string | null } | undefined;
      if (row === undefined) return undefined;
      return {
        generation,
        ...(row.position !== null && { checkpoint: BigInt(row.position) }),
        ...(row.event_position !== null &&
          row.event_id !== null && {
            tiedTo: { position: BigInt(row.event_position), eventId: row.event_id },
          }),
      };
    });
  }

  /**
   * Ties a checkpoint written without its event's id (an older file, or an older build) to the
   * event the log holds there; nothing is written if the checkpoint has moved since it was read.
   */
  tie(generation: number, position: bigint, eventId: string): boolean {
    const at = position.toString();
    return (
      this.file
        .stmt(`UPDATE checkpoints SET event_position = ?, event_id = ? WHERE generation = ? AND position = ?`)
        .run(at, eventId, generation, at).changes === 1
    );
  }

  /** Every generation the file holds (served, or written by a rebuild). */
  generations(): number[] {
    return (this.file.db.prepare(`SELECT generation FROM checkpoints`).all() as { generation: number }[]).map(
      (row) => row.generation,
    );
  }

  /** Whether the file holds `generation` (it may have been discarded meanwhile). */
  has(generation: number): boolean {
    return this.file.stmt(`SELECT 1 FROM checkpoints WHERE generation = ?`).get(generation) !== undefined;
  }

  forget(generation: number): void {
    this.file.db.prepare(`DELETE FROM checkpoints WHERE generation = ?`).run(generation);
  }
}
