/**
 * Specs only: a stand-in for projector-thread.worker that starts like it (ready, running, one
 * applied batch) and then dies of an uncaught error, `deaths` times in all (counted in the file
 * `counter`); after that it stays up and stops when asked, as the real thread does.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { HostMessage, ThreadMessage } from '../projector-thread.wire';

const { counter, deaths } = (workerData as { settings: { counter: string; deaths: number } }).settings;
const port = parentPort;
if (!port) throw new Error('run as a worker thread');
const post = (message: ThreadMessage): void => port.postMessage(message);
const started = Number(readFileSync(counter, 'utf8')) + 1;
writeFileSync(counter, String(started));

post({ kind: 'ready', checkpoint: null });
post({ kind: 'state', state: 'running' });
post({ kind: 'applied', checkpoint: String(started) });
if (started <= deaths) {
  setTimeout(() => {
    throw new Error(`fixture death ${started}`);
  }, 20);
}
port.on('message', (message: HostMessage) => {
  if (message.kind !== 'stop') return;
  post({ kind: 'stopped' });
  port.close();
});
