import { daysBetween, type CalendarDate } from '@care-journey/journey';
import type { CareLeaverContactDue } from '@care-journey/reporting';
import { pageOfList, type PageOf } from '../html/pagination';

/** Rows on one page of the worklist (the CSV has them all). */
export const WORKLIST_ROWS_PER_PAGE = 50;

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

/** One page of the worklist: its rows, and the young people they name (the trail's ids). */
export interface WorklistPage extends PageOf<WorklistRow> {
  childIds: string[];
}

/** Page `page` of the view's rows (a page past the end shows the last one), WORKLIST_ROWS_PER_PAGE a page. */
export function worklistPage(view: LeavingCareView, page: number): WorklistPage {
  const list = pageOfList(view.rows, page, WORKLIST_ROWS_PER_PAGE);
  return { ...list, childIds: [...new Set(list.items.map((row) => row.childId))] };
}
