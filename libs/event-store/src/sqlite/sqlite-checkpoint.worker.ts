/**
 * The checkpointer thread: its own connection to the event store runs PASSIVE checkpoints, so the
 * copy of the WAL into the database file and its fsync never stop the writer's event loop. It
 * looks at the store's commit counter every `intervalMs` and checkpoints when it moved. Failures
 * are ignored: the next tick tries again, and the writer's fallback (wal-checkpoint.ts) bounds the
 * WAL meanwhile.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { applyPragmas } from './sqlite-schema';
import { CHECKPOINT_SLOTS, passiveCheckpoint, type CheckpointerSettings } from './wal-checkpoint';

const settings = (workerData as { settings: CheckpointerSettings }).settings;
const port = parentPort;
if (!port) throw new Error('sqlite-checkpoint.worker must run as a worker thread');

const counters = new Int32Array(settings.shared);
const db = new Database(settings.file, { timeout: settings.busyTimeoutMs });
// synchronous like the writer: at FULL the checkpoint fsyncs the WAL before copying and the file after.
applyPragmas(db, settings.synchronous);
// This connection never writes, so it never autocheckpoints; said explicitly all the same.
db.pragma('wal_autocheckpoint = 0');

let seen = Atomics.load(counters, CHECKPOINT_SLOTS.commits);
const timer = setInterval(() => {
  const commits = Atomics.load(counters, CHECKPOINT_SLOTS.commits);
  if (commits === seen) return;
  seen = commits;
  try {
    passiveCheckpoint(db);
    Atomics.add(counters, CHECKPOINT_SLOTS.checkpoints, 1);
  } catch {
    // e.g. SQLITE_BUSY while another process checkpoints: tried again on the next commit.
  }
}, settings.intervalMs);

port.on('message', (message: 'close') => {
  if (message !== 'close') return;
  clearInterval(timer);
  try {
    db.close();
  } finally {
    port.close();
  }
});
