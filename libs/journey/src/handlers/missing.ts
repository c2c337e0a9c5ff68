import type { EndMissingEpisode, StartMissingEpisode } from '../commands';
import type { JourneyEvent } from '../events';
import { requireCode } from '../invariants/codes';
import {
  endNotBeforeStart,
  mustHaveMissingEpisodeOpen,
  noMissingEpisodeOpen,
  startAfterLastMissingEnded,
} from '../invariants/missing';
import { mustBeInCurrentPeriod } from '../invariants/period-of-care';
import type { JourneyState } from '../state';
import { checkEntry, dataOf } from './common';

export function startMissingEpisode(command: StartMissingEpisode, state: JourneyState): JourneyEvent[] {
  const { date } = checkEntry(command, state);
  mustBeInCurrentPeriod(state, date, 'missing-episode');
  requireCode('MISSING', command.kind, date, 'kind', 'invalid-missing-kind');
  noMissingEpisodeOpen(state);
  startAfterLastMissingEnded(state, date);
  return [{ type: 'MissingEpisodeStarted', data: dataOf(command) }];
}

/** A child may still be missing when care ends, so the return is not tied to a period of care. */
export function endMissingEpisode(command: EndMissingEpisode, state: JourneyState): JourneyEvent[] {
  const { date } = checkEntry(command, state);
  const start = mustHaveMissingEpisodeOpen(state);
  endNotBeforeStart(date, start);
  return [{ type: 'MissingEpisodeEnded', data: dataOf(command) }];
}
