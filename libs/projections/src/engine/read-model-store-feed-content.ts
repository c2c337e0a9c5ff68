/** The feed content id each generation's change log was written with, in `meta` (feed/feed-content.ts). */
import { UNKNOWN_FEED_CONTENT } from '../feed/feed-content';
import type { ReadModelFile } from './read-model-store-file';

export const feedContentKey = (generation: number): string => `feed_content_g${generation}`;

/** Stamps `generation` as written with feed content `content` (in the caller's transaction). */
export function stampFeedContent(file: ReadModelFile, generation: number, content: string): void {
  file.db
    .prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)`)
    .run(feedContentKey(generation), content);
}

/** The feed content `generation` was written with; UNKNOWN_FEED_CONTENT before ids were stamped. */
export function feedContentOf(file: ReadModelFile, generation: number): string {
  const row = file.stmt(`SELECT value FROM meta WHERE key = ?`).get(feedContentKey(generation)) as
    { value: string } | undefined;
  return row?.value ?? UNKNOWN_FEED_CONTENT;
}
