/**
 * evolve(state, storedEvent): the state after one more stored event. An event in effective-date
 * order is folded in directly; a late entry (dated before what is already known) or a correction
 * refolds the whole resolved stream, which is cheap for one child's journey.
 */
import type { StoredJourneyEvent } from './events';
import { applyEvent } from './fold/apply-event';
import { deriveCurrent } from './fold/derive-current';
import { indexEvent } from './fold/event-index';
import { isCorrection, resolveCorrections, sortByEffectiveDate } from './resolve-corrections';
import { initialState, type JourneyState } from './state';

const laterDate = (a: string | undefined, b: string): string => (a === undefined || b > a ? b : a);

/** The journey folded from resolved events (in any order: they are sorted by effective date). */
export function foldJourney(resolved: readonly StoredJourneyEvent[]): JourneyState {
  let state: JourneyState = { ...initialState };
  // Kept aside and set once: nothing in the fold reads it, and a copy of the state per event for it
  // doubled the fold's allocation.
  let lastEffectiveDate: string | undefined;
  for (const event of sortByEffectiveDate(resolved)) {
    state = applyEvent(state, event, event.id);
    if (event.type !== 'ChildRegistered')
      lastEffectiveDate = laterDate(lastEffectiveDate, event.data.effectiveDate);
  }
  return deriveCurrent(lastEffectiveDate === undefined ? state : { ...state, lastEffectiveDate });
}

export function evolve(state: JourneyState, event: StoredJourneyEvent): JourneyState {
  const history = [...state.history, event];
  const events = indexEvent(state.events, event);
  const isLate =
    event.type !== 'ChildRegistered' &&
    state.lastEffectiveDate !== undefined &&
    event.data.effectiveDate < state.lastEffectiveDate;
  if (isCorrection(event) || isLate) {
    return { ...foldJourney(resolveCorrections(history)), history, events };
  }
  const folded = applyEvent(state, event, event.id);
  const lastEffectiveDate =
    event.type === 'ChildRegistered'
      ? state.lastEffectiveDate
      : laterDate(state.lastEffectiveDate, event.data.effectiveDate);
  return {
    ...deriveCurrent({ ...folded, ...(lastEffectiveDate && { lastEffectiveDate }) }),
    history,
    events,
  };
}

/** The state after a whole stream. */
export const evolveAll = (
  events: readonly StoredJourneyEvent[],
  from: JourneyState = initialState,
): JourneyState => events.reduce(evolve, from);
