import type { ApiClient } from './http-client';
import { ndjsonLines } from './ndjson-lines';

/**
 * One child's entries and its /feed lines, as the feed specs drive them over HTTP (their `record`
 * and feed-reading closures were alike: duplicates, session 15).
 */
export interface ChildFeed<Line> {
  /** Records one entry for the child (201); returns its global position. */
  record(path: string, body: Record<string, unknown>): Promise<string>;
  /** The child's lines of `/feed?<query>` (200); the checkpoint line names no child, so it is left out. */
  lines(query: string): Promise<Line[]>;
}

/** `current` is read at each call: the specs set the client and the child in `beforeAll`. */
export function childFeed<Line extends Record<string, unknown>>(
  current: () => { api: ApiClient; childId: string },
  tokens: { writer: string; reader: string },
): ChildFeed<Line> {
  return {
    async record(path, body) {
      const { api, childId } = current();
      const response = await api.post<{ globalPosition: string }>(`/children/${childId}/${path}`, body, {
        token: tokens.writer,
      });
      expect(response.status).toBe(201);
      return response.body.globalPosition;
    },
    async lines(query) {
      const { api, childId } = current();
      const response = await api.get<string>(`/feed?${query}`, { token: tokens.reader });
      expect(response.status).toBe(200);
      return ndjsonLines<Line>(response.body).filter((line) => line.childId === childId);
    },
  };
}
