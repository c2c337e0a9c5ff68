import { WriteLock } from './write-lock';

describe('rebuild write lock', () => {
  it('runs the write and frees the lock, also when the write throws', () => {
    const lock = new WriteLock();
    expect(lock.hold(() => 42)).toBe(42);
    expect(() =>
      lock.hold(() => {
        throw new Error('write failed');
      }),
    ).toThrow('write failed');
    expect(lock.hold(() => 'again')).toBe('again');
  });

  it('is shared through its buffer, and a holder that never lets go makes a waiter give up', () => {
    const lock = new WriteLock();
    const same = new WriteLock(lock.buffer);
    // Held (through the shared buffer) while this thread asks again: the waiter gives up.
    expect(() => lock.hold(() => same.hold(() => 'never', 20))).toThrow(/not released within 20 ms/);
    expect(same.hold(() => 'free again')).toBe('free again');
  });
});
