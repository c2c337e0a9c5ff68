/** Which event store the API opens. Mirrors the event-store library's configuration. */
export type StoreConfig =
  | { kind: 'sqlite'; file: string }
  | { kind: 'eventstoredb'; connectionString: string };
