import { readFileSync } from 'node:fs';

/** Bytes this process has read and written through system calls so far (Linux /proc/self/io). */
export interface ProcessIo {
  readBytes: number;
  writtenBytes: number;
}

/**
 * rchar/wchar count every read and write call, whether the OS page cache served it or the disk: a
 * SQLite page that fell out of SQLite's own cache and is read again shows here, as does every WAL
 * frame. Zero where /proc is absent.
 */
export function processIo(): ProcessIo {
  try {
    const text = readFileSync('/proc/self/io', 'utf8');
    const field = (name: string): number => Number(new RegExp(`^${name}: (\\d+)`, 'm').exec(text)?.[1] ?? 0);
    return { readBytes: field('rchar'), writtenBytes: field('wchar') };
  } catch {
    return { readBytes: 0, writtenBytes: 0 };
  }
}

export const ioSince = (before: ProcessIo): ProcessIo => {
  const now = processIo();
  return {
    readBytes: now.readBytes - before.readBytes,
    writtenBytes: now.writtenBytes - before.writtenBytes,
  };
};
