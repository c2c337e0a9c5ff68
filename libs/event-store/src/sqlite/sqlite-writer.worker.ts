/**
 * The writer thread: owns the event store's write connection, so a group's COMMIT (and its fsync
 * at synchronous=FULL) blocks this thread, not the caller's event loop. One message at a time,
 * in order; every message is answered. Relative imports only (no path aliases in a worker).
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { groupCommitter, type GroupResult } from './sqlite-commit';
import { applyPragmas } from './sqlite-schema';
import { SqliteStatements } from './sqlite-statements';
import {
  toWireError,
  toWireResult,
  type WriterReply,
  type WriterRequest,
  type WriterSettings,
} from './writer-wire';

const settings = (workerData as { settings: WriterSettings }).settings;
const port = parentPort;
if (!port) throw new Error('sqlite-writer.worker must run as a worker thread');

let db: Database.Database | undefined;
let commit: (group: WriterRequest & { kind: 'commit' }) => GroupResult;
try {
  const opened = new Database(settings.file, { timeout: settings.busyTimeoutMs });
  db = opened;
  applyPragmas(opened, settings.synchronous);
  opened.pragma(`wal_autocheckpoint = ${settings.checkpointPages}`);
  const committer = groupCommitter(opened, new SqliteStatements(opened));
  commit = (request) => committer(request.group);
} catch (error) {
  // Every commit is refused with the reason (e.g. SQLITE_CANTOPEN → StoreUnavailable).
  commit = () => ({ failure: error });
}

port.on('message', (request: WriterRequest) => {
  const reply = (message: WriterReply) => port.postMessage(message);
  switch (request.kind) {
    case 'commit':
      return reply({ id: request.id, kind: 'commit', result: toWireResult(commit(request)) });
    case 'pragma':
      try {
        if (!db) throw new Error('the writer connection is not open');
        return reply({ id: request.id, kind: 'pragma', value: db.pragma(request.sql) });
      } catch (error) {
        return reply({ id: request.id, kind: 'pragma', error: toWireError(error) });
      }
    case 'close':
      try {
        db?.close();
      } finally {
        db = undefined;
        reply({ id: request.id, kind: 'close' });
        port.close();
      }
  }
});
