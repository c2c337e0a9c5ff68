/**
 * How the pages word a drift flag. Most rules are a step due by a date: "Overdue 8 days, due 19
 * November 2026", closed by the step or because it stopped applying. A standing condition (DR05:
 * the rule's `condition`) has no step and no real due date: it is open "since" the day it began,
 * counted from that day, and it closes because the condition ended (or care did), never by a step.
 */
import { daysBetween, type CalendarDate } from '@care-journey/journey';
import {
  DRIFT_RULES,
  type DriftFlag,
  type DriftRule,
  type FlagHistoryEntry,
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
 * Whole days from the day the condition began to D (0 on that day). A flag's days overdue count
 * from its due date, the eve of that day for a condition, so they are one more.
 */
export const daysSince = (f: Pick<DriftFlag, 'openedOn' | 'dueDate' | 'daysOverdue'>): number =>
  f.daysOverdue - daysBetween(f.dueDate, f.openedOn);

/** The status of an open flag: "Overdue 8 days", or for a condition "Since 20 November 2026 (7 days)". */
export function openFlagStatus(f: DriftFlag): string {
  if (!isCondition(f.ruleId)) return `Overdue ${plural(f.daysOverdue, 'day')}`;
  const days = daysSince(f);
  return `Since ${formatDate(f.openedOn)} (${days === 0 ? 'from today' : plural(days, 'day')})`;
}

/** Where an open flag is put in time: its due date, or for a condition the day it began. */
export const flagDate = (f: DriftFlag): CalendarDate => (isCondition(f.ruleId) ? f.openedOn : f.dueDate);

/** The due-date words after a flag's title: ", due 19 November 2026", or none for a condition. */
export const dueWords = (f: DriftFlag): string =>
  isCondition(f.ruleId) ? '' : `, due ${formatDate(f.dueDate)}`;

/**
 * Why a closed flag closed: "step taken (12 days overdue)", "no longer applied (3 days overdue)", or
 * for a condition "condition ended: fewer than 3 placements in the 12 months" (no step, nothing was
 * overdue). A condition that closed with an event closed because care ended (the rule's lapse).
 */
export function closedWords(h: FlagHistoryEntry): string {
  const condition = conditions.get(h.ruleId);
  if (!condition) {
    const why = h.closedBy === 'step' ? 'step taken' : 'no longer applied';
    return `${why} (${plural(h.daysOverdue, 'day')} overdue)`;
  }
  return h.closingEventId !== undefined
    ? 'no longer applied: the child left care'
    : `condition ended: ${condition.ended(h.threshold)}`;
}
