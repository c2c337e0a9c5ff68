import { daysBetween, type CalendarDate } from '@care-journey/journey';
import type { CareLeaverContactDue } from '@care-journey/reporting';

/** One line of the worklist: a contact due (or missed), with the young person's name. */
export interface WorklistRow extends CareLeaverContactDue {
  name: string;
  /** Due: days left to record it, the last day counted (0 on the last day). Missed: days since the last day. */
  days: number;
}

export interface LeavingCareView {
  /** Missed first, then soonest last day (the domain's order, careLeaverContactsDueOn). */
  rows: WorklistRow[];
  due: number;
  missed: number;
  /** The young people listed, once each, in the order first shown (the trail's ids). */
  childIds: string[];
}

/**
 * The worklist's rows for `asAt` from the contacts due (careLeaverContactsDueOn, already in order),
 * each with the young person's name as recorded (`nameOf`; empty when not known).
 */
export function leavingCareView(
  contacts: readonly CareLeaverContactDue[],
  asAt: CalendarDate,
  nameOf: (childId: string) => string | undefined,
): LeavingCareView {
  const rows = contacts.map((contact) => ({
    ...contact,
    name: nameOf(contact.childId) ?? '',
    days:
      contact.status === 'missed' ? daysBetween(contact.lastDay, asAt) : daysBetween(asAt, contact.lastDay),
  }));
  return {
    rows,
    due: rows.filter((row) => row.status === 'due').length,
    missed: rows.filter((row) => row.status === 'missed').length,
    childIds: [...new Set(rows.map((row) => row.childId))],
  };
}
