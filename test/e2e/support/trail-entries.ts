import type { ApiClient } from './http-client';

/** One read-access trail entry as `GET /audit/access-log` lists it. */
export interface TrailEntry {
  eventId: string;
  readBy: string;
  role: string;
  childId: string;
  view: string;
  query?: Record<string, string>;
  childIds?: string[];
}

/**
 * The trail entries `read` added, as an auditor (`token`) lists them: the whole trail, or the reads
 * of one child (`childId`: its own and the lists that named it).
 */
export async function trailEntriesAfter(
  api: ApiClient,
  token: string,
  read: () => Promise<unknown>,
  childId?: string,
): Promise<TrailEntry[]> {
  const url = `/audit/access-log${childId ? `?childId=${childId}` : ''}`;
  const listed = async () => (await api.get<{ entries: TrailEntry[] }>(url, { token })).body.entries;
  const before = new Set((await listed()).map((e) => e.eventId));
  await read();
  return (await listed()).filter((e) => !before.has(e.eventId));
}
