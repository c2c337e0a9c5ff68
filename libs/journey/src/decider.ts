/** The journey as a decider: the three pieces an event-sourced application needs. */
import { decide } from './decide';
import { evolve } from './evolve';
import { initialState } from './state';

export const journeyDecider = { decide, evolve, initialState } as const;
export type JourneyDecider = typeof journeyDecider;
