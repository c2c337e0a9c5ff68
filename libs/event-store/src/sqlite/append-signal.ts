import { resolve } from 'node:path';

/**
 * In-process notification that a SQLite file got new events. Keyed by resolved path so every
 * store instance on the same file in this process wakes its subscriptions; other processes are
 * picked up by polling the head.
 */
const listeners = new Map<string, Set<() => void>>();

export function signalKey(file: string): string {
  return resolve(file);
}

export function onAppended(key: string, listener: () => void): () => void {
  let set = listeners.get(key);
  if (!set) {
    set = new Set();
    listeners.set(key, set);
  }
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(key);
  };
}

export function signalAppended(key: string): void {
  const set = listeners.get(key);
  if (!set) return;
  for (const listener of set) listener();
}
