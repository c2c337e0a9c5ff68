/** The worker projector's heartbeat row in `meta` (projector-heartbeat.ts). */
import Database from 'better-sqlite3';
import type { ReadModelFile } from './read-model-store-file';
import { HEARTBEAT_KEY, type ProjectorHeartbeat } from './projector-heartbeat';

const SELECT_HEARTBEAT = `SELECT value FROM meta WHERE key = ?`;
const parsed = (row: { value: string } | undefined): ProjectorHeartbeat | undefined =>
  row ? (JSON.parse(row.value) as ProjectorHeartbeat) : undefined;

export class HeartbeatRecord {
  constructor(private readonly file: ReadModelFile) {}

  write(heartbeat: ProjectorHeartbeat): void {
    this.file
      .stmt(`INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`)
      .run(HEARTBEAT_KEY, JSON.stringify(heartbeat));
  }

  read(): ProjectorHeartbeat | undefined {
    return parsed(this.file.stmt(SELECT_HEARTBEAT).get(HEARTBEAT_KEY) as { value: string } | undefined);
  }
}

/**
 * The heartbeat in a read-model file, for another process (the projector's container healthcheck,
 * apps/projector/src/check-heartbeat.ts): the file opened read-only, nothing set up, closed again.
 * Throws when the file is missing (it is not created) or is not a read-model file; undefined when
 * no heartbeat was ever written.
 */
export function readHeartbeatFromFile(file: string): ProjectorHeartbeat | undefined {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return parsed(db.prepare(SELECT_HEARTBEAT).get(HEARTBEAT_KEY) as { value: string } | undefined);
  } finally {
    db.close();
  }
}
