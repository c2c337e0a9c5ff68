/**
 * The failure the live projector keeps retrying, kept in the read-model file it writes, so a
 * process that only reads the file (the API in worker mode, beside apps/projector) can say which
 * event the projector is stuck on, as the projector's own process does. Kept per generation: a
 * rebuild's switch or a realignment drops it with the generation it was about.
 */
import type { ReadModelFile } from './read-model-store-file';
import type { ProjectorFailure } from './stuck-event';

export const projectorFailureKey = (generation: number): string => `projector_failure_g${generation}`;

export class ProjectorFailureRecords {
  constructor(private readonly file: ReadModelFile) {}

  /** Stores the failure the projector writing `generation` keeps retrying; undefined clears it. */
  record(generation: number, failure: ProjectorFailure | undefined): void {
    const key = projectorFailureKey(generation);
    if (failure === undefined) this.file.stmt(`DELETE FROM meta WHERE key = ?`).run(key);
    else
      this.file
        .stmt(`INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`)
        .run(key, JSON.stringify(failure));
  }

  /** The failure stored for `generation`, if the projector writing it is stuck (or was, when it stopped). */
  of(generation: number): ProjectorFailure | undefined {
    const row = this.file
      .stmt(`SELECT value FROM meta WHERE key = ?`)
      .get(projectorFailureKey(generation)) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as ProjectorFailure) : undefined;
  }
}
