/** GET /children/:id/events — one page of the stream, oldest first, exactly as stored. */
export interface EventsPage {
  childId: string;
  page: number;
  pageSize: number;
  /** Events in the stream, as a decimal string. */
  totalEvents: string;
  /** The stream's current revision (also the ETag). */
  revision: string;
  nextPage: number | null;
  items: {
    id: string;
    type: string;
    revision: string;
    globalPosition: string;
    data: Record<string, unknown>;
    metadata: Record<string, unknown>;
  }[];
}
