/** The worker projector's heartbeat row in `meta` (projector-heartbeat.ts). */
import type { ReadModelFile } from './read-model-store-file';
import { HEARTBEAT_KEY, type ProjectorHeartbeat } from './projector-heartbeat';

export class HeartbeatRecord {
  constructor(private readonly file: ReadModelFile) {}

  write(heartbeat: ProjectorHeartbeat): void {
    this.file
      .stmt(`INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`)
      .run(HEARTBEAT_KEY, JSON.stringify(heartbeat));
  }

  read(): ProjectorHeartbeat | undefined {
    const row = this.file.stmt(`SELECT value FROM meta WHERE key = ?`).get(HEARTBEAT_KEY) as
      { value: string } | undefined;
    return row ? (JSON.parse(row.value) as ProjectorHeartbeat) : undefined;
  }
}
