/** What every command goes through before its own rules: recording details, registration, dates. */
import { dateInEngland } from '../england-time';
import type { CommandMeta } from '../commands';
import { notAfterRecording, notBeforeBirth } from '../invariants/dates';
import { requireDate, requireRecording } from '../invariants/fields';
import { mustBeRegistered, mustBeSameChild } from '../invariants/registration';
import type { JourneyState } from '../state';

export interface Checked {
  /** The entry's effective date. */
  date: string;
  /** The date in England of the recording instant. */
  today: string;
}

/** The event data of a command: everything but its type and recording details. */
export function dataOf<C extends CommandMeta & { type: string }>(
  command: C,
): Omit<C, 'type' | 'now' | 'recordedBy'> {
  const { type: _t, now: _n, recordedBy: _r, ...data } = command;
  return data;
}

/** A dated entry about a registered child. */
export function checkEntry(
  command: CommandMeta & { childId: string; effectiveDate: string },
  state: JourneyState,
): Checked {
  requireRecording(command.now, command.recordedBy);
  mustBeRegistered(state);
  mustBeSameChild(state, command.childId);
  const today = dateInEngland(command.now);
  const date = requireDate(command.effectiveDate, 'effectiveDate');
  notAfterRecording(date, today, 'effectiveDate');
  notBeforeBirth(state, date, 'effectiveDate');
  return { date, today };
}
