import { StoreUnavailable } from '@care-journey/event-store';
import { UnreadableEventSchema } from '@care-journey/journey';
import { isStorageError } from './storage-error';
import { shownError, stuckEventOf } from './stuck-event';

const coded = (code: string, message = 'failed'): Error => Object.assign(new Error(message), { code });

describe('isStorageError: a failure of the storage, not of an event (review s12-ops F11)', () => {
  it.each([
    'SQLITE_FULL',
    'SQLITE_IOERR',
    'SQLITE_IOERR_WRITE',
    'SQLITE_READONLY',
    'SQLITE_BUSY',
    'SQLITE_BUSY_SNAPSHOT',
    'ENOSPC',
  ])('Given an error with code %s, Then it is the storage’s', (code) =>
    expect(isStorageError(coded(code))).toBe(true),
  );

  it('Given the event store unavailable, or a storage error wrapped as a cause, Then it is the storage’s', () => {
    expect(isStorageError(new StoreUnavailable('SQLite event store x: cannot read'))).toBe(true);
    expect(isStorageError(new Error('apply failed', { cause: coded('SQLITE_FULL') }))).toBe(true);
  });

  it.each([
    ['a missing table', coded('SQLITE_ERROR', 'no such table: child_changes_g1')],
    ['a constraint', coded('SQLITE_CONSTRAINT_UNIQUE')],
    ['a plain error', new Error('a rule cannot fold it')],
    ['a string', 'nope'],
    ['undefined', undefined],
  ])('Given %s, Then it is not the storage’s', (_, error) => expect(isStorageError(error)).toBe(false));

  it('Given a full disk failing a batch of one event, When the failure is shown, Then no event is blamed and the error says storage', () => {
    const batch = [
      { id: 'e-1', type: 'ChildRefReserved', streamId: 'child-ref-A', globalPosition: 7n, revision: 0n },
    ];
    const full = coded('SQLITE_FULL', 'database or disk is full');
    expect(stuckEventOf(full, batch as never)).toBeUndefined();
    expect(shownError(full)).toMatchObject({ name: 'Error', kind: 'storage' });
    // An event's own failure still names it, with no kind.
    expect(stuckEventOf(new Error('cannot fold'), batch as never)).toMatchObject({ id: 'e-1' });
    expect(shownError(new Error('cannot fold'))).not.toHaveProperty('kind');
  });

  it('Given an unreadable schema, Then it is the event’s', () => {
    const error = new UnreadableEventSchema(
      { id: 'e-2', type: 'X', streamId: 's' },
      9,
      1,
      'newer',
      'is newer',
    );
    expect(isStorageError(error)).toBe(false);
  });
});
