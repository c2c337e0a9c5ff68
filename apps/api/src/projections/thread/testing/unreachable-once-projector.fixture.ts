/**
 * Specs only: the real projector thread (projector-thread.worker), whose event store cannot be
 * reached at its first subscribe (the call throws, as a store that is down does) and works after.
 */
import { SqliteEventStore } from '@care-journey/event-store/sqlite';

const subscribe = SqliteEventStore.prototype.subscribeToAll;
let reached = false;
SqliteEventStore.prototype.subscribeToAll = function (this: SqliteEventStore, ...args) {
  if (!reached) {
    reached = true;
    throw new Error('event store unreachable (fixture)');
  }
  return subscribe.apply(this, args);
};

void import('../projector-thread.worker');
