/**
 * Statutory visits (reg 28 of the Care Planning, Placement and Case Review (England) Regulations
 * 2010): a social worker's visit to a looked-after child, possibly recorded late. Drift rule DR14
 * (libs/projections) says when the next one is due.
 */
import type { RecordStatutoryVisit } from '../commands';
import type { JourneyEvent } from '../events';
import { visitNotAlreadyRecorded } from '../invariants/duplicate-entries';
import { requireBoolean, requireText } from '../invariants/fields';
import { mustBeWithinAPeriod } from '../invariants/period-of-care';
import type { JourneyState } from '../state';
import { checkEntry, dataOf } from './common';

export function recordStatutoryVisit(command: RecordStatutoryVisit, state: JourneyState): JourneyEvent[] {
  const { date } = checkEntry(command, state);
  mustBeWithinAPeriod(state, date, 'statutory-visit');
  requireBoolean(command.seenAlone, 'seenAlone');
  // Optional, but when given it says something: a blank note is a form sent with nothing in it.
  if (command.visitNote !== undefined) requireText(command.visitNote, 'visitNote');
  visitNotAlreadyRecorded(state, command, date);
  return [{ type: 'StatutoryVisitRecorded', data: dataOf(command) }];
}
