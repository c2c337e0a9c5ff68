import { statSync } from 'node:fs';

/** Which file a path named when the store opened it (device and inode). */
export interface FileIdentity {
  dev: bigint;
  ino: bigint;
}

/** The identity of the file at `path` now; undefined when there is none (`:memory:`, moved or deleted). */
export function fileIdentity(path: string): FileIdentity | undefined {
  if (path === ':memory:' || path === '') return undefined;
  try {
    const { dev, ino } = statSync(path, { bigint: true });
    return { dev, ino };
  } catch {
    return undefined;
  }
}

/**
 * Why the path no longer names the file opened (moved away, or another file put in its place),
 * else undefined. A process's open connection follows the file, not the path: after a manual
 * restore (files moved by hand) it would go on writing to the file moved aside, and its writes
 * would be lost to everyone reading the path. One stat per commit group; a group's fsync costs far more.
 */
export function replacedSince(path: string, opened: FileIdentity | undefined): string | undefined {
  if (opened === undefined) return undefined;
  const now = fileIdentity(path);
  if (now === undefined) return 'moved or deleted';
  if (now.dev !== opened.dev || now.ino !== opened.ino) return 'replaced by another file';
  return undefined;
}
