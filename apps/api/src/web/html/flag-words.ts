/**
 * How the pages word a drift flag. Most rules are a step due by a date: "Overdue 8 days, due 19
 * November 2026", closed by the step or because it stopped applying. A standing condition (DR05:
 * the rule's `condition`) has no step and no real due date: it is "Open 8 days, from 20 November
 * 2026", the day it began and its days overdue (the days it has been open, that day included: the
 * API's, the CSVs' and every other rule's figure), and it closes because the condition ended (or
 * care did), never by a step.
 */
import type { CalendarDate } from '@care-journey/journey';
import {
  DRIFT_RULES,
  type DriftFlag,
  type DriftRule,
  type FlagHistoryEntry,
  type WorkingCalendar,
} from '@care-journey/projections';
import { formatDate, plural } from './format';

type Condition = NonNullable<DriftRule['condition']>;

const conditions = new Map<string, Condition>(
  DRIFT_RULES.flatMap((rule) => (rule.condition ? [[rule.id, rule.condition] as const] : [])),
);
// One test with the CSVs' rule_kind (ruleKind): a rule is a condition when it has `condition`.

/** Whether the rule is about a standing condition rather than a step due by a date. */
export const isCondition = (ruleId: string): boolean => conditions.has(ruleId);

/**
 * The status of an open flag: "Overdue 8 days", or for a condition "Open 8 days, from 20 November
 * 2026". One figure, `daysOverdue`, for both: the days the flag has been open as at D, the day it
 * opened included (D minus the due date, which for a condition is the eve of that day). Until
 * session 10 a condition said "Since 20 November 2026 (7 days)" beside the API's and the CSVs' 8
 * (the CSVs' `days_open` since session 16, when the "Most days overdue" column stopped counting it).
 */
export function openFlagStatus(f: DriftFlag): string {
  if (!isCondition(f.ruleId)) return `Overdue ${plural(f.daysOverdue, 'day')}`;
  return `Open ${plural(f.daysOverdue, 'day')}, from ${formatDate(f.openedOn)}`;
}

/** Where an open flag is put in time: its due date, or for a condition the day it began. */
export const flagDate = (f: DriftFlag): CalendarDate => (isCondition(f.ruleId) ? f.openedOn : f.dueDate);

/** The due-date words after a flag's title: ", due 19 November 2026", or none for a condition. */
export const dueWords = (f: DriftFlag): string =>
  isCondition(f.ruleId) ? '' : `, due ${formatDate(f.dueDate)}`;

/**
 * After a due date still ahead, what kind of day it is when offices are shut: " (a bank holiday)",
 * " (a Saturday)", " (a Sunday)", else nothing. The step is then needed by the working day before
 * (review s15-iro F7); the due date itself is the rule's, unchanged. `calendar`: the one the rules
 * count with (DriftConfig.extraBankHolidays), so a council's extra day is marked as England's are.
 */
export function closedDayWords(date: CalendarDate, calendar: WorkingCalendar): string {
  if (calendar.isWorkingDay(date)) return '';
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? ' (a Sunday)' : day === 6 ? ' (a Saturday)' : ' (a bank holiday)';
}

/**
 * Why a closed flag closed: "step taken (12 days overdue)", "no longer applied (3 days overdue)", or
 * for a condition "condition ended: fewer than 3 placements in the 12 months" (no step, nothing was
 * overdue). A condition that closed with an event closed because care ended (the rule's lapse).
 */
export function closedWords(h: FlagHistoryEntry): string {
  const condition = conditions.get(h.ruleId);
  if (!condition) {
    // A re-dated obligation did not go away: say where its deadline went (review s15-iro F4).
    if (h.closedBy === 'no_longer_applies' && h.replacedBy !== undefined)
      return `re-dated (${plural(h.daysOverdue, 'day')} overdue by then): an entry that day moved the deadline to ${formatDate(h.replacedBy.dueDate)}`;
    const why = h.closedBy === 'step' ? 'step taken' : 'no longer applied';
    return `${why} (${plural(h.daysOverdue, 'day')} overdue)`;
  }
  return h.closingEventId !== undefined
    ? 'no longer applied: the child left care'
    : `condition ended: ${condition.ended(h.threshold)}`;
}
