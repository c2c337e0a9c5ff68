/**
 * Flags as at D. A flag is open when D is after the due date and the step has not happened by D;
 * days overdue = D − due date in calendar days. A step on its due date is in time. Early
 * warnings are obligations still open that fall due within N days of D.
 */
import { daysBetween, type CalendarDate } from '@care-journey/journey';
import type { JourneySummary } from '../summary/journey-summary';
import { summaryAsAt } from '../summary/summary-as-at';
import type { DriftConfig } from './drift-config';
import type { DriftRule, DriftRuleId, Obligation, ThresholdValues } from './drift-rule';
import { DRIFT_RULES } from './rule-registry';
import {
  distinctKey,
  openingOf,
  sameObligation,
  SupersededWalk,
  supersededToShow,
} from './evaluate-drift-superseded';

interface FlagBase {
  ruleId: DriftRuleId;
  title: string;
  childId: string;
  /** Tells apart several flags of one rule for the child. */
  key: string;
  dueDate: CalendarDate;
  evidence: string[];
  threshold: ThresholdValues;
}

export interface DriftFlag extends FlagBase {
  openedOn: CalendarDate;
  daysOverdue: number;
}

export interface DueSoonWarning extends FlagBase {
  daysUntilDue: number;
}

export interface FlagHistoryEntry extends FlagBase {
  openedOn: CalendarDate;
  /** Absent while still open as at D. */
  closedOn?: CalendarDate;
  closedBy?: 'step' | 'no_longer_applies';
  closingEventId?: string;
  /** As at the closing date, or as at D while open. */
  daysOverdue: number;
  /**
   * For a breach a later entry re-dated (a late first review moving DR04's deadline): the obligation
   * that replaced it as at D, its key as its own history entry would have it and its due date.
   */
  replacedBy?: { key: string; dueDate: CalendarDate };
}

export interface DriftEvaluation {
  flags: DriftFlag[];
  dueSoon: DueSoonWarning[];
}

export interface RuleObligations {
  rule: DriftRule;
  obligations: Obligation[];
}

/** Every rule's obligations for one child as at D (on the summary trimmed to D). */
export function obligationsAsAt(
  summary: JourneySummary,
  asAt: CalendarDate,
  config: DriftConfig,
  rules: readonly DriftRule[] = DRIFT_RULES,
): RuleObligations[] {
  const trimmed = summaryAsAt(summary, asAt);
  return rules.map((rule) => ({ rule, obligations: rule.obligations(trimmed, asAt, config) }));
}

/**
 * Whether the rule's obligation `key` due on `dueDate` was met in time as at D (its step taken on or
 * before the due date). The feed asks it only when a new entry makes an open flag go from the view
 * (a step recorded late but dated in time): that flag never was a breach, and is withdrawn.
 */
export function metInTime(
  summary: JourneySummary,
  asAt: CalendarDate,
  config: DriftConfig,
  ruleId: string,
  key: string,
  dueDate: CalendarDate,
): boolean {
  const rule = DRIFT_RULES.find((r) => r.id === ruleId);
  if (rule === undefined) return false;
  const [{ obligations }] = obligationsAsAt(summary, asAt, config, [rule]);
  return obligations.some(
    (o) => o.key === key && o.dueDate === dueDate && o.metOn !== undefined && o.metOn <= dueDate,
  );
}

const isClosed = (o: Obligation): boolean => o.metOn !== undefined || o.lapsedOn !== undefined;

// A rule's thresholds for a config, built once: flags used to build the same object per obligation.
const thresholdCache = new WeakMap<DriftConfig, Map<DriftRule, ThresholdValues>>();
function thresholdsOf(rule: DriftRule, config: DriftConfig): ThresholdValues {
  let byRule = thresholdCache.get(config);
  if (!byRule) thresholdCache.set(config, (byRule = new Map()));
  let values = byRule.get(rule);
  if (!values) byRule.set(rule, (values = rule.thresholds(config)));
  // A copy per flag, as before: callers may change a flag's threshold without changing others'.
  return { ...values };
}

const base = (rule: DriftRule, summary: JourneySummary, o: Obligation, config: DriftConfig): FlagBase => ({
  ruleId: rule.id,
  title: rule.title,
  childId: summary.childId,
  key: o.key,
  dueDate: o.dueDate,
  evidence: o.evidence,
  threshold: o.threshold ?? thresholdsOf(rule, config),
});

export function evaluateDrift(
  summary: JourneySummary,
  asAt: CalendarDate,
  config: DriftConfig,
  options: { dueWithinDays?: number; rules?: readonly DriftRule[] } = {},
): DriftEvaluation {
  const within = options.dueWithinDays ?? config.dueSoonDays;
  const result: DriftEvaluation = { flags: [], dueSoon: [] };
  for (const { rule, obligations } of obligationsAsAt(summary, asAt, config, options.rules)) {
    for (const o of obligations) {
      if (isClosed(o) || o.from > asAt) continue;
      if (asAt > o.dueDate) {
        result.flags.push({
          ...base(rule, summary, o, config),
          openedOn: openingOf(o),
          daysOverdue: daysBetween(o.dueDate, asAt),
        });
      } else if (daysBetween(asAt, o.dueDate) <= within) {
        result.dueSoon.push({
          ...base(rule, summary, o, config),
          title: rule.dueTitle ?? rule.title,
          daysUntilDue: daysBetween(asAt, o.dueDate),
        });
      }
    }
  }
  return result;
}

/**
 * Every flag the child has had up to D: when it opened and closed. A step taken late closes the
 * flag from that date and the breach stays in the history, also when the step re-dated the
 * obligation (a late first review moves the second review's deadline): the breach that no longer
 * applies closes on the date it stopped applying (evaluate-drift-superseded.ts).
 */
export function flagHistory(
  summary: JourneySummary,
  asAt: CalendarDate,
  config: DriftConfig,
  rules: readonly DriftRule[] = DRIFT_RULES,
): FlagHistoryEntry[] {
  const current = obligationsAsAt(summary, asAt, config, rules);
  const superseded = supersededToShow(
    new SupersededWalk(rules, config, true).breaches(
      summary,
      asAt,
      current.map(({ obligations }) => obligations),
    ),
    (breach) => current[breach.rule].obligations.some((o) => sameObligation(o, breach.obligation)),
  );
  const entries: FlagHistoryEntry[] = [];
  current.forEach(({ rule, obligations }, index) => {
    const ruleEntries: FlagHistoryEntry[] = [];
    for (const breach of superseded)
      if (breach.rule === index)
        ruleEntries.push({
          ...base(rule, summary, breach.obligation, config),
          openedOn: breach.openedOn,
          closedOn: breach.closedOn,
          closedBy: breach.reason,
          closingEventId: breach.obligation.closingEventId,
          daysOverdue: daysBetween(breach.obligation.dueDate, breach.closedOn),
          ...replacement(breach, obligations),
        });
    for (const o of obligations) {
      const closedOn = o.metOn ?? o.lapsedOn;
      const opened = openingOf(o);
      // Never breached: closed by the due date, or not yet open as at D.
      if ((closedOn !== undefined && closedOn < opened) || (closedOn === undefined && asAt < opened))
        continue;
      ruleEntries.push({
        ...base(rule, summary, o, config),
        openedOn: opened,
        closedOn,
        closedBy: o.metOn !== undefined ? 'step' : o.lapsedOn !== undefined ? 'no_longer_applies' : undefined,
        closingEventId: o.closingEventId,
        daysOverdue: daysBetween(o.dueDate, closedOn ?? asAt),
      });
    }
    entries.push(...withDistinctKeys(ruleEntries));
  });
  return entries.sort(byOpening);
}

/** The obligation as at D with the breach's key and another due date: the one that re-dated it. */
function replacement(
  breach: { reason: string; obligation: Obligation },
  obligations: readonly Obligation[],
): Pick<FlagHistoryEntry, 'replacedBy'> {
  if (breach.reason !== 'no_longer_applies') return {};
  const { key, dueDate } = breach.obligation;
  const successor = obligations.find((o) => o.key === key && o.dueDate !== dueDate);
  return successor === undefined
    ? {}
    : { replacedBy: { key: distinctKey(key, successor.dueDate, false), dueDate: successor.dueDate } };
}

const byOpening = (a: { openedOn: CalendarDate }, b: { openedOn: CalendarDate }): number =>
  a.openedOn < b.openedOn ? -1 : a.openedOn > b.openedOn ? 1 : 0;

/** One rule's entries with keys told apart (distinctKey): the first to open keeps the key. */
function withDistinctKeys(entries: FlagHistoryEntry[]): FlagHistoryEntry[] {
  if (entries.length < 2) return entries;
  const seen = new Set<string>();
  const renamed = new Map<FlagHistoryEntry, string>();
  for (const entry of [...entries].sort(byOpening)) {
    if (seen.has(entry.key)) renamed.set(entry, distinctKey(entry.key, entry.dueDate, false));
    seen.add(entry.key);
  }
  return renamed.size === 0
    ? entries
    : entries.map((entry) => {
        const key = renamed.get(entry);
        return key === undefined ? entry : { ...entry, key };
      });
}
