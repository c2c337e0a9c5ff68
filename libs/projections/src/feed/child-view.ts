/**
 * A child's view for the feed, as at a date: the facts a reporting job tracks (periods of care,
 * moves, plans, permanence milestones, flag openings and closings) and the stability state.
 * Built only from the summary and the drift rules, so it says nothing the read models do not.
 */
import { hasShortBreaks, type CalendarDate } from '@care-journey/journey';
import { permanenceRows } from '../measures/time-to-permanence';
import type { DriftConfig } from '../rules/drift-config';
import { facetMask } from '../rules/rule-reads';
import { flagHistory } from '../rules/evaluate-drift';
import type { JourneySummary, PeriodOfCare } from '../summary/journey-summary';
import type { FacetChange, SummaryFacet } from '../summary/summary-facets';
import { placementsDuring } from '../summary/queries';
import { firstDayOfMonthsUpTo } from '../measures/stability';
import type { ChildFact, ChildView, StabilityState } from './change-record';
import type { FlagTracker } from './flag-tracker';
import { sameFactsOr } from './same-fact';

/** Earlier than any date in a journey: permanence milestones are wanted from the start. */
const BEGINNING: CalendarDate = '0001-01-01';

function periodFacts(period: PeriodOfCare): ChildFact[] {
  const facts: ChildFact[] = [
    {
      kind: 'care.started',
      key: period.start,
      data: {
        start: period.start,
        legalStatus: period.legalStatuses[0]?.code ?? null,
        categoryOfNeed: period.categoryOfNeed,
        placementType: period.placements[0]?.types[0]?.placementType ?? null,
      },
    },
  ];
  // The first placement comes with the start of care; each later run is a move to a new carer.
  period.placements.slice(1).forEach((run, index) =>
    facts.push({
      kind: 'placement.changed',
      key: `${period.start}/${run.start}`,
      data: {
        periodStart: period.start,
        start: run.start,
        placementType: run.types[0]?.placementType ?? null,
        placementNumber: index + 2,
      },
    }),
  );
  for (const plan of period.plans)
    facts.push({
      kind: 'plan.set',
      key: `${period.start}/${plan.date}/${plan.route}`,
      data: { periodStart: period.start, date: plan.date, route: plan.route },
    });
  if (period.end !== undefined)
    facts.push({
      kind: 'care.ended',
      key: period.start,
      data: { start: period.start, end: period.end, reason: period.endReason ?? null },
    });
  return facts;
}

function permanenceFacts(summary: JourneySummary, asAt: CalendarDate): ChildFact[] {
  return permanenceRows([summary], BEGINNING, asAt).map((row) => ({
    kind: 'permanence.reached',
    key: `${row.periodStart}/${row.milestone}`,
    data: { milestone: row.milestone, periodStart: row.periodStart, date: row.date, daysFromEntry: row.days },
  }));
}

function flagFacts(summary: JourneySummary, asAt: CalendarDate, config: DriftConfig): ChildFact[] {
  return flagHistory(summary, asAt, config).flatMap((entry): ChildFact[] => {
    const key = `${entry.ruleId}/${entry.key}`;
    const flag = {
      ruleId: entry.ruleId,
      title: entry.title,
      dueDate: entry.dueDate,
      openedOn: entry.openedOn,
    };
    const opened: ChildFact = { kind: 'flag.opened', key, data: flag };
    if (entry.closedOn === undefined) return [opened];
    const reason = entry.closedBy ?? null;
    return [opened, { kind: 'flag.closed', key, data: { ...flag, closedOn: entry.closedOn, reason } }];
  });
}

/** ST1's count (short breaks excluded) over DR05's window, against DR05's threshold. */
function stabilityOf(summary: JourneySummary, asAt: CalendarDate, config: DriftConfig): StabilityState {
  const { placements: threshold, months } = config.DR05;
  const placements = countPlacementsDuring(summary, firstDayOfMonthsUpTo(asAt, months), asAt);
  return { placements, threshold, months, unstable: placements >= threshold };
}

/** placementsDuring(summary, from, to).length, without the lists (asked after every event). */
function countPlacementsDuring(summary: JourneySummary, from: CalendarDate, to: CalendarDate): number {
  let count = 0;
  for (const period of summary.periods) {
    // Short breaks are not counted: the (rare) child who had some goes the long way.
    if (hasShortBreaks(period.legalStatuses)) return placementsDuring(summary, from, to).length;
    for (const run of period.placements)
      if (run.start <= to && (run.end === undefined || run.end > from)) count += 1;
  }
  return count;
}

/** What periodFacts reads: a period's start, first legal status, end, its placement runs and plans. */
const PERIOD_READS: readonly SummaryFacet[] = ['period', 'legalStatuses', 'placements', 'plans'];
/** What permanenceRows reads: the above, adoption steps, and the child's reference. */
const PERMANENCE_READS: readonly SummaryFacet[] = [...PERIOD_READS, 'adoption', 'child'];
/** The two as bits: `changed` is told after every event (a closure and a search each were garbage). */
const PERIOD_MASK = facetMask(PERIOD_READS);
const PERMANENCE_MASK = facetMask(PERMANENCE_READS);

/**
 * One child's period and permanence facts, kept from one event to the next while the parts of the
 * summary they read are unchanged (told through `changed`, like the flag tracker). Kept facts are
 * the same objects, so the diff compares them by reference.
 */
export class ViewParts {
  private periods: ChildFact[] | undefined;
  private permanence: { facts: ChildFact[]; asAt: CalendarDate } | undefined;
  /** The lists handed out last (kept through `changed`): handed out again when made the same. */
  private periodsBefore: ChildFact[] = [];
  private permanenceBefore: ChildFact[] = [];
  /** The view's facts last made, and the three lists they were made of. */
  private combined: { parts: readonly (readonly ChildFact[])[]; facts: ChildFact[] } | undefined;

  /** The summary given last was changed in place (or replaced: 'all'). */
  changed(change: FacetChange): void {
    if (change === 'all') {
      this.periods = undefined;
      this.permanence = undefined;
      return;
    }
    if (change.length === 0) return;
    const changed = facetMask(change);
    if ((changed & PERIOD_MASK) !== 0) this.periods = undefined;
    if ((changed & PERMANENCE_MASK) !== 0) this.permanence = undefined;
  }

  periodFacts(summary: JourneySummary): ChildFact[] {
    if (this.periods === undefined) {
      this.periods = sameFactsOr(this.periodsBefore, summary.periods.flatMap(periodFacts));
      this.periodsBefore = this.periods;
    }
    return this.periods;
  }

  /**
   * The facts of the three lists in order: the same array as last time when the lists are the same
   * ones (most events change no fact), so the diff sees an unchanged view at a glance.
   */
  factsOf(periods: ChildFact[], permanence: ChildFact[], flags: ChildFact[]): ChildFact[] {
    const last = this.combined;
    if (
      last !== undefined &&
      last.parts[0] === periods &&
      last.parts[1] === permanence &&
      last.parts[2] === flags
    )
      return last.facts;
    const facts = periods.concat(permanence, flags);
    this.combined = { parts: [periods, permanence, flags], facts };
    return facts;
  }

  /**
   * Kept only when they were worked out as at a date nothing in the summary lay after (`whole`):
   * every milestone was then on or before that date, so a later date shows the same ones.
   */
  permanenceFacts(summary: JourneySummary, asAt: CalendarDate, whole: boolean): ChildFact[] {
    const kept = this.permanence;
    if (kept !== undefined && asAt >= kept.asAt) return kept.facts;
    const facts = sameFactsOr(this.permanenceBefore, permanenceFacts(summary, asAt));
    this.permanenceBefore = facts;
    this.permanence = whole ? { facts, asAt } : undefined;
    return facts;
  }
}

/**
 * With `flags` (the child's tracker, told of every change), the flag facts come from it; with
 * `parts` too (told of the same changes), period and permanence facts are kept while unchanged.
 */
export function childView(
  summary: JourneySummary,
  asAt: CalendarDate,
  config: DriftConfig,
  flags?: FlagTracker,
  parts?: ViewParts,
): ChildView {
  if (flags && parts) {
    const flagged = flags.facts(summary, asAt);
    return {
      childRef: summary.childRef,
      asAt,
      facts: parts.factsOf(
        parts.periodFacts(summary),
        parts.permanenceFacts(summary, asAt, flags.whole),
        flagged,
      ),
      stability: stabilityOf(summary, asAt, config),
    };
  }
  return {
    childRef: summary.childRef,
    asAt,
    facts: [
      ...summary.periods.flatMap(periodFacts),
      ...permanenceFacts(summary, asAt),
      ...(flags ? flags.facts(summary, asAt) : flagFacts(summary, asAt, config)),
    ],
    stability: stabilityOf(summary, asAt, config),
  };
}
