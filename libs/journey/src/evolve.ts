/**
 * evolve(state, storedEvent): the state after one more stored event. An event in effective-date
 * order is folded in directly; a late entry (dated before what is already known) or a correction
 * refolds the whole resolved stream, which is cheap for one child's journey. The state's history
 * and event index are shared with the state it came from (fold/journey-log), so an event in order
 * costs O(1) amortised, not a copy of both; neither state ever sees the other's later events.
 */
import type { StoredJourneyEvent } from './events';
import { applyEvent, changed } from './fold/apply-event';
import { deriveCurrent, type ListFields } from './fold/derive-current';
import { listsOf, logOf, stateOf } from './fold/journey-log';
import { isCorrection, resolveCorrections, sortByEffectiveDate } from './resolve-corrections';
import { initialState, type JourneyState } from './state';

const laterDate = (a: string | undefined, b: string): string => (a === undefined || b > a ? b : a);

/** The dated lists folded from resolved events (in any order: they are sorted by effective date). */
function foldLists(resolved: readonly StoredJourneyEvent[]): ListFields {
  let state = listsOf(initialState);
  // Kept aside and set once: nothing in the fold reads it, and a copy of the state per event for it
  // doubled the fold's allocation.
  let lastEffectiveDate: string | undefined;
  for (const event of sortByEffectiveDate(resolved)) {
    state = applyEvent(state, event, event.id);
    if (event.type !== 'ChildRegistered')
      lastEffectiveDate = laterDate(lastEffectiveDate, event.data.effectiveDate);
  }
  return lastEffectiveDate === undefined ? state : changed(state, { lastEffectiveDate });
}

/** The journey folded from resolved events (in any order: they are sorted by effective date). */
export const foldJourney = (resolved: readonly StoredJourneyEvent[]): JourneyState => ({
  ...deriveCurrent(foldLists(resolved)),
  events: {},
  history: [],
});

export function evolve(state: JourneyState, event: StoredJourneyEvent): JourneyState {
  const log = logOf(state).append(event);
  const isLate =
    event.type !== 'ChildRegistered' &&
    state.lastEffectiveDate !== undefined &&
    event.data.effectiveDate < state.lastEffectiveDate;
  if (isCorrection(event) || isLate) return stateOf(foldLists(resolveCorrections(log.history())), log);
  const lists = listsOf(state);
  const folded = applyEvent(lists, event, event.id);
  if (event.type === 'ChildRegistered') return stateOf(folded, log);
  const lastEffectiveDate = laterDate(state.lastEffectiveDate, event.data.effectiveDate);
  if (lastEffectiveDate === folded.lastEffectiveDate) return stateOf(folded, log);
  // A new object from applyEvent is ours alone: set the date on it rather than copy it again (same
  // keys in the same order as a spread); the lists passed in are the previous state's, so copy those.
  if (folded !== lists) {
    folded.lastEffectiveDate = lastEffectiveDate;
    return stateOf(folded, log);
  }
  return stateOf(changed(folded, { lastEffectiveDate }), log);
}

/**
 * The state after a whole stream: exactly `events.reduce(evolve, from)`, folding the same lists
 * the same way, but the `current…` fields and the state's log views are made once, for the last
 * state, not for every state in between (which nobody sees). For the same reason a late entry or a
 * correction refolds once, after the last event, not at every such event: evolve's refold is the
 * fold of the resolved log, and folding an in-order event onto a refold gives that fold's result
 * too, so only the last refold counts (a stream with a few late entries was refolded a few times).
 */
export function evolveAll(
  events: readonly StoredJourneyEvent[],
  from: JourneyState = initialState,
): JourneyState {
  if (events.length === 0) return from;
  let log = logOf(from);
  // A state's lastEffectiveDate is its lists' (deriveCurrent copies the lists' fields).
  let lists = listsOf(from);
  let refold = false;
  for (const event of events) {
    log = log.append(event);
    if (refold) continue;
    const isLate =
      event.type !== 'ChildRegistered' &&
      lists.lastEffectiveDate !== undefined &&
      event.data.effectiveDate < lists.lastEffectiveDate;
    if (isCorrection(event) || isLate) {
      refold = true;
      continue;
    }
    const folded = applyEvent(lists, event, event.id);
    if (event.type === 'ChildRegistered') {
      lists = folded;
      continue;
    }
    const lastEffectiveDate = laterDate(lists.lastEffectiveDate, event.data.effectiveDate);
    if (lastEffectiveDate === folded.lastEffectiveDate) lists = folded;
    else if (folded !== lists) {
      folded.lastEffectiveDate = lastEffectiveDate; // new from applyEvent: ours alone, as in evolve
      lists = folded;
    } else lists = changed(folded, { lastEffectiveDate });
  }
  if (refold) lists = foldLists(resolveCorrections(log.history()));
  return stateOf(lists, log);
}
