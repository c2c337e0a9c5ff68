import type { EventStoreDBClient } from '@eventstore/db-client';

/** The part of the v6 client the adapter uses: a seam for the in-process client in its specs. */
export type EsdbClient = Pick<
  EventStoreDBClient,
  'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'
>;
