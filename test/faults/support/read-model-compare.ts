import Database from 'better-sqlite3';
import type { EventStore } from '@care-journey/event-store';
import {
  ProjectionEngine,
  ReadModelStore,
  type ProjectionEngineOptions,
  type RebuildProgress,
} from '@care-journey/projections';

/** Every summary in a read-model file, by child id, with the file's checkpoint. */
export function readSummaries(file: string): {
  checkpoint: string | undefined;
  summaries: Record<string, unknown>;
} {
  const store = new ReadModelStore(file);
  try {
    const { records } = store.summariesChangedSince(undefined);
    const summaries = Object.fromEntries(
      records
        .map((r) => [(r.summary as { childId: string }).childId, r.summary] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    );
    return { checkpoint: store.checkpoint()?.toString(), summaries };
  } finally {
    store.close();
  }
}

/**
 * A rebuild of the read models from the log into `file` (a new file: a clean rebuild), through the
 * engine as the CLI runs it; `options` over the defaults. Resolves with the last progress report.
 */
export async function rebuildInto(
  store: EventStore,
  file: string,
  options: Partial<ProjectionEngineOptions> = {},
  onProgress?: (progress: RebuildProgress) => void,
): Promise<RebuildProgress> {
  const engine = new ProjectionEngine(store, { file, mode: 'worker', batchSize: 1000, ...options });
  try {
    return await engine.rebuildAndWait(onProgress);
  } finally {
    await engine.close();
  }
}

/**
 * Every row of every table of the served generation, by table (generation number aside, so two
 * files rebuilt a different number of times compare), in key order.
 */
export function servedTables(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const generation = servedGeneration(db);
    const suffix = `_g${generation}`;
    const names = (
      db
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
        .pluck()
        .all() as string[]
    ).filter((name) => name.endsWith(suffix));
    const tables: Record<string, unknown[]> = {
      checkpoint: db.prepare(`SELECT position FROM checkpoints WHERE generation = ?`).pluck().all(generation),
    };
    for (const name of names)
      tables[name.slice(0, -suffix.length)] = db.prepare(`SELECT * FROM ${name} ORDER BY 1, 2`).raw().all();
    return tables;
  } finally {
    db.close();
  }
}

/** The checkpoint of every generation in the file (NULL: never checkpointed), oldest first. */
export function checkpoints(file: string): { generation: number; position: string | null }[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT generation, position FROM checkpoints ORDER BY generation`).all() as {
      generation: number;
      position: string | null;
    }[];
  } finally {
    db.close();
  }
}

/**
 * The served generation's checkpoint (-1: none yet), read without opening a ReadModelStore: light
 * enough to poll while another process projects into the file.
 */
export function servedCheckpoint(file: string): number {
  const db = new Database(file, { readonly: true });
  try {
    const position = db
      .prepare(`SELECT position FROM checkpoints WHERE generation = ?`)
      .pluck()
      .get(servedGeneration(db)) as string | number | null | undefined;
    return position === null || position === undefined ? -1 : Number(position);
  } finally {
    db.close();
  }
}

/** The child ids with change-log rows in one generation. */
export function childrenWithChanges(file: string, generation: number): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT DISTINCT child_id FROM child_changes_g${generation}`).pluck().all() as string[];
  } finally {
    db.close();
  }
}

const servedGeneration = (db: Database.Database): number =>
  Number(db.prepare(`SELECT value FROM meta WHERE key = 'generation'`).pluck().get());
