import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeOnSignal } from './remove-on-signal';

/** Review2 MED 4: a backup interrupted while its plaintext copy exists removes the copy first. */
describe('removeOnSignal', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cj-remove-on-signal-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const listeners = () => [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')];

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s removes the files and their -wal/-shm, takes its handlers away, then ends the process by the same signal',
    (signal) => {
      const copy = join(dir, 'events.db.backup-1');
      for (const file of [copy, `${copy}-wal`, `${copy}-shm`]) writeFileSync(file, 'plaintext');
      const before = listeners();
      const die = jest.fn();
      removeOnSignal([copy, join(dir, 'not-there')], die);
      expect(listeners()).toEqual(before.map((n) => n + 1));

      process.emit(signal, signal);

      expect([copy, `${copy}-wal`, `${copy}-shm`].filter((file) => existsSync(file))).toEqual([]);
      expect(die).toHaveBeenCalledWith(signal);
      expect(listeners()).toEqual(before);
    },
  );

  it('once taken away, a signal removes nothing', () => {
    const copy = join(dir, 'events.db.backup-1');
    writeFileSync(copy, 'the finished backup');
    const before = listeners();
    const die = jest.fn();
    const stop = removeOnSignal([copy], die);
    stop();
    expect(listeners()).toEqual(before);
    process.emit('SIGTERM', 'SIGTERM'); // only calls the listeners: no signal is sent
    expect(existsSync(copy)).toBe(true);
    expect(die).not.toHaveBeenCalled();
  });
});
