import type { SqliteEventStore } from '@care-journey/event-store/sqlite';

/**
 * The contract's fault switch for a SQLite store: its next `times` reads of the log's head (what a
 * subscription polls) fail as a disk I/O error does. Reaches into the store's prepared statement
 * rather than breaking the file: WAL readers cannot be made to fail on demand, and this is the error
 * they give. Reads stay on the calling thread with either writer, so both SQLite targets use it.
 */
export function failHeadReads(store: SqliteEventStore, times: number): void {
  const head = (store as unknown as { statements: { head: { get(): unknown } } }).statements.head;
  const spy = jest.spyOn(head, 'get');
  for (let n = 0; n < times; n++)
    spy.mockImplementationOnce(() => {
      throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_READ' });
    });
}
