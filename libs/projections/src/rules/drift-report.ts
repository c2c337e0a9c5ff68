/**
 * The drift report as at D over many children: open flags and "due within N days" warnings,
 * filtered by rule, team, social worker, legal status and age band, all as at D. Only children
 * looked after on D can have an open flag (every obligation lapses when care ends).
 */
import type { CalendarDate } from '@care-journey/journey';
import type { JourneySummary } from '../summary/journey-summary';
import {
  ageBandOn,
  allocationOn,
  legalStatusOn,
  onShortBreaksOn,
  periodOn,
  type AgeBand,
} from '../summary/queries';
import type { DriftConfig } from './drift-config';
import type { DriftRuleId } from './drift-rule';
import { evaluateDrift, type DriftFlag, type DueSoonWarning } from './evaluate-drift';
import { ChildDriftCache } from './child-drift-cache';
import { DRIFT_RULES } from './rule-registry';
import { sameTeam } from './team-key';

export interface DriftReportFilter {
  rules?: readonly DriftRuleId[];
  /** Compared ignoring case and spacing (team-key.ts). */
  team?: string;
  socialWorker?: string;
  legalStatus?: string;
  ageBand?: AgeBand;
  dueWithinDays?: number;
}

/** Who the child is and where they stand on D, for the panel's list. */
export interface DriftChildContext {
  childId: string;
  childRef: string;
  name: string;
  /** Compared ignoring case and spacing (team-key.ts). */
  team?: string;
  socialWorker?: string;
  legalStatus?: string;
  ageBand?: AgeBand;
}

export interface DriftReportRow extends DriftChildContext {
  flags: DriftFlag[];
  dueSoon: DueSoonWarning[];
}

export interface DriftReport {
  asAt: CalendarDate;
  dueWithinDays: number;
  openFlags: number;
  dueSoon: number;
  byRule: { ruleId: DriftRuleId; title: string; open: number; dueSoon: number }[];
  children: DriftReportRow[];
}

function contextOn(summary: JourneySummary, asAt: CalendarDate): DriftChildContext | undefined {
  const period = periodOn(summary, asAt);
  if (!period || onShortBreaksOn(period, asAt)) return undefined;
  const allocation = allocationOn(summary, asAt);
  return {
    childId: summary.childId,
    childRef: summary.childRef,
    name: summary.name,
    team: allocation?.team,
    socialWorker: allocation?.socialWorker,
    legalStatus: legalStatusOn(period, asAt),
    ageBand: ageBandOn(summary, asAt),
  };
}

const matches = (context: DriftChildContext, filter: DriftReportFilter): boolean =>
  (filter.team === undefined || sameTeam(context.team, filter.team)) &&
  (filter.socialWorker === undefined || context.socialWorker === filter.socialWorker) &&
  (filter.legalStatus === undefined || context.legalStatus === filter.legalStatus) &&
  (filter.ageBand === undefined || context.ageBand === filter.ageBand);

// Shared by every report in the process: entries live as long as their summaries.
const cache = new ChildDriftCache<DriftChildContext>();

export interface DriftReportOptions {
  /**
   * Rows shared with every other report that asks for them, frozen through (a caller that would change
   * one gets a TypeError), instead of fresh copies: for a caller that only reads them (#9).
   */
  sharedRows?: boolean;
}

export function driftReport(
  summaries: Iterable<JourneySummary>,
  asAt: CalendarDate,
  config: DriftConfig,
  filter: DriftReportFilter = {},
  options: DriftReportOptions = {},
): DriftReport {
  const rules = filter.rules?.length
    ? DRIFT_RULES.filter((rule) => filter.rules?.includes(rule.id))
    : DRIFT_RULES;
  const dueWithinDays = filter.dueWithinDays ?? config.dueSoonDays;
  const rows: { row: DriftReportRow; worst: number }[] = [];
  const key = { asAt, config, rules, within: dueWithinDays };
  const counts = new Map(rules.map((rule) => [rule.id, { open: 0, dueSoon: 0 }]));
  let openFlags = 0;
  let dueSoon = 0;
  for (const summary of summaries) {
    const entry = cache.entry(summary, key);
    const context = cache.context(entry, () => contextOn(summary, asAt));
    if (!context || !matches(context, filter)) continue;
    const compute = () => evaluateDrift(summary, asAt, config, { dueWithinDays, rules });
    const evaluation = options.sharedRows
      ? cache.sharedRow(entry, context, compute)
      : cache.evaluation(entry, compute);
    if (evaluation.flags.length === 0 && evaluation.dueSoon.length === 0) continue;
    const row = options.sharedRows ? (evaluation as DriftReportRow) : { ...context, ...evaluation };
    rows.push({ row, worst: worstOf(evaluation.flags) });
    openFlags += evaluation.flags.length;
    dueSoon += evaluation.dueSoon.length;
    for (const flag of evaluation.flags) counted(counts, flag.ruleId).open++;
    for (const warning of evaluation.dueSoon) counted(counts, warning.ruleId).dueSoon++;
  }
  // Most overdue first: the panel works down the list (each row's worst worked out once, not per comparison).
  rows.sort((a, b) => b.worst - a.worst || a.row.childRef.localeCompare(b.row.childRef));
  return {
    asAt,
    dueWithinDays,
    openFlags,
    dueSoon,
    byRule: rules.map((rule) => ({ ruleId: rule.id, title: rule.title, ...counted(counts, rule.id) })),
    children: rows.map(({ row }) => row),
  };
}

/** The most days overdue of a child's flags; -1 with none. */
function worstOf(flags: readonly DriftFlag[]): number {
  let worst = -1;
  for (const flag of flags) if (flag.daysOverdue > worst) worst = flag.daysOverdue;
  return worst;
}

/** A rule's counts; a flag of a rule not asked for (none: evaluateDrift runs only those) counts nowhere. */
function counted(
  counts: Map<DriftRuleId, { open: number; dueSoon: number }>,
  ruleId: DriftRuleId,
): { open: number; dueSoon: number } {
  return counts.get(ruleId) ?? { open: 0, dueSoon: 0 };
}
