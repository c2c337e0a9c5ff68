import { removeWithWal } from './remove-with-wal';

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** How the process ends once its files are removed: the same signal again, with no handler left. */
const dieBy = (signal: NodeJS.Signals) => process.kill(process.pid, signal);

/**
 * While `files` (and their -wal/-shm) exist, a Ctrl-C or SIGTERM removes them before the process
 * ends, so a killed backup leaves no plaintext copy of the store behind (review2 MED 4). Returns the
 * function that takes the handlers away again; call it once the files are gone or renamed.
 */
export function removeOnSignal(
  files: readonly string[],
  die: (signal: NodeJS.Signals) => void = dieBy,
): () => void {
  const remove = () => SIGNALS.forEach((signal) => process.off(signal, onSignal));
  function onSignal(signal: NodeJS.Signals) {
    remove();
    for (const file of files) removeWithWal(file);
    die(signal);
  }
  SIGNALS.forEach((signal) => process.on(signal, onSignal));
  return remove;
}
