/**
 * Breaches that a later step made no longer apply. A late step can re-date an obligation (a first
 * review held late moves the second review's and the permanence plan's deadlines): evaluated as at
 * D, the obligation that was overdue before the step is gone, yet the breach happened. The rule
 * book keeps it in the child's history: it opened when it did and closed, `no_longer_applies`, on
 * the date it stopped applying.
 *
 * Found by walking the child's life date by date (each fact date and each rule's change point up
 * to D): a flag open on the eve of a date whose obligation (same key, due date and opening) is not
 * among the obligations as at that date was closed on that date; a breach already closed by then
 * (a late plan, before a later entry re-dated the deadline it missed) is kept as it closed. Between two such dates the
 * obligations do not change (the rules' `reads` promise), so the obligations as at the earlier date
 * are those on the eve of the later one.
 */
import { addDays, maxDate, type CalendarDate } from '@care-journey/journey';
import type { JourneySummary, PeriodOfCare } from '../summary/journey-summary';
import { summaryAsAt } from '../summary/summary-as-at';
import type { DriftConfig } from './drift-config';
import type { DriftRule, Obligation } from './drift-rule';

/** One superseded breach: the obligation as it stood while open, and the day it stopped applying. */
export interface SupersededBreach {
  /** The rule's index in the rules walked. */
  rule: number;
  obligation: Obligation;
  openedOn: CalendarDate;
  closedOn: CalendarDate;
  /** `step` for a breach the step had closed before the obligation went (kept as it was). */
  reason: 'step' | 'no_longer_applies';
}

interface Step {
  date: CalendarDate;
  /** Each rule's obligations as at `date`. */
  obligations: readonly (readonly Obligation[])[];
  /** Breaches closed on `date`. */
  closed: SupersededBreach[];
}

/** The flag opens the day after its due date, or when it came into being if that is later. */
export const openingOf = (o: Obligation): CalendarDate => maxDate(addDays(o.dueDate, 1), o.from);

/** The same obligation: same key, due date and opening (what a flag.opened fact says). */
export const sameObligation = (a: Obligation, b: Obligation): boolean =>
  a.key === b.key && a.dueDate === b.dueDate && (a.from === b.from || openingOf(a) === openingOf(b));

function pushDates(dates: Set<CalendarDate>, facts: readonly { date: CalendarDate }[]): void {
  for (const fact of facts) dates.add(fact.date);
}

function pushPeriodDates(dates: Set<CalendarDate>, period: PeriodOfCare): void {
  const { adoption } = period;
  dates.add(period.start);
  if (period.end !== undefined) dates.add(period.end);
  pushDates(dates, period.legalStatuses);
  for (const run of period.placements) {
    dates.add(run.start);
    if (run.end !== undefined) dates.add(run.end);
    pushDates(dates, run.types);
    for (const stay of run.temporaryStays) {
      dates.add(stay.start);
      if (stay.end !== undefined) dates.add(stay.end);
    }
  }
  pushDates(dates, period.reviews);
  pushDates(dates, period.plans);
  pushDates(dates, period.audits);
  pushDates(dates, adoption.decisions);
  pushDates(dates, adoption.reversals);
  pushDates(dates, adoption.placementOrders);
  pushDates(dates, adoption.consents);
  pushDates(dates, adoption.matches);
  pushDates(dates, adoption.placements);
  if (adoption.order !== undefined) dates.add(adoption.order.date);
  for (const spell of period.missing) {
    dates.add(spell.start);
    if (spell.end !== undefined) dates.add(spell.end);
  }
}

/** The same lists of obligations (the very arrays: a rule re-derived gives new ones). */
function sameLists(a: readonly (readonly Obligation[])[], b: readonly (readonly Obligation[])[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return a.length === b.length;
}

/** Every date at which the rules' obligations can change, up to `asAt`, in order, and the fact dates. */
function walkDates(
  summary: JourneySummary,
  asAt: CalendarDate,
  rules: readonly DriftRule[],
  config: DriftConfig,
): { dates: CalendarDate[]; facts: Set<CalendarDate> } {
  const facts = new Set<CalendarDate>();
  pushDates(facts, summary.allocations);
  for (const period of summary.periods) pushPeriodDates(facts, period);
  const dates = new Set(facts);
  for (const rule of rules) for (const point of rule.changePoints?.(summary, config) ?? []) dates.add(point);
  return { dates: [...dates].filter((date) => date <= asAt).sort(), facts };
}

/**
 * The walk, kept between calls by the feed's flag tracker: after a change to the summary from a
 * date on (an event folded at the end of the child's life), the steps before that date still hold.
 */
export class SupersededWalk {
  private steps: Step[] = [];

  constructor(
    private readonly rules: readonly DriftRule[],
    private readonly config: DriftConfig,
    private readonly evidence: boolean,
  ) {}

  /** The summary changed on or after `from` (undefined: anywhere). */
  changedFrom(from: CalendarDate | undefined): void {
    if (from === undefined) this.steps = [];
    else {
      let keep = 0;
      while (keep < this.steps.length && this.steps[keep].date < from) keep++;
      this.steps.length = keep;
    }
  }

  /**
   * The breaches superseded up to `asAt`, in the order they closed. `current`, each rule's
   * obligations as at `asAt` (the caller has them), are also those as at the walk's last date: no
   * fact date or change point lies between (the rules' `reads` promise), so that step is not derived.
   */
  breaches(
    summary: JourneySummary,
    asAt: CalendarDate,
    current: readonly (readonly Obligation[])[],
  ): SupersededBreach[] {
    const { dates, facts } = walkDates(summary, asAt, this.rules, this.config);
    let keep = 0;
    while (keep < this.steps.length && keep < dates.length && this.steps[keep].date === dates[keep]) keep++;
    // The last step kept was made from the obligations as at D: the same, unless D's obligations differ.
    if (keep > 0 && keep === dates.length && !sameLists(this.steps[keep - 1].obligations, current)) keep--;
    this.steps.length = keep;
    for (let i = keep; i < dates.length; i++) {
      const last = i === dates.length - 1;
      // A copy: the caller may reuse its array.
      const obligations = last
        ? [...current]
        : this.obligationsAsAt(summary, dates[i], facts.has(dates[i]) ? undefined : this.steps[i - 1]);
      this.steps.push(this.step(dates[i], obligations, this.steps[i - 1]));
    }
    const found: SupersededBreach[] = [];
    for (const step of this.steps) for (const breach of step.closed) found.push(breach);
    return found;
  }

  /**
   * Each rule's obligations as at `date`. On a date that is only a change point, a rule without
   * change points has the obligations of the step before (the `reads` promise): not derived again.
   */
  private obligationsAsAt(
    summary: JourneySummary,
    date: CalendarDate,
    before: Step | undefined,
  ): (readonly Obligation[])[] {
    const trimmed = summaryAsAt(summary, date);
    return this.rules.map((rule, r) =>
      before !== undefined && rule.changePoints === undefined
        ? before.obligations[r]
        : rule.obligations(trimmed, date, this.config, this.evidence),
    );
  }

  private step(
    date: CalendarDate,
    obligations: readonly (readonly Obligation[])[],
    previous: Step | undefined,
  ): Step {
    const closed: SupersededBreach[] = [];
    if (previous !== undefined)
      previous.obligations.forEach((before, rule) => {
        const current = obligations[rule];
        // The very list the step before had (a rule not derived again): nothing of it went.
        if (current === before) return;
        for (const o of before) {
          // Still there (most are): tested first, so the opening, a date computed, is for those that went.
          if (current.some((now) => sameObligation(now, o))) continue;
          const openedOn = openingOf(o);
          const closedOn = o.metOn ?? o.lapsedOn;
          // Not a breach: not yet open on the eve of `date`, or closed before it opened.
          if (closedOn === undefined ? openedOn >= date : closedOn < openedOn) continue;
          // Open: it stopped applying on `date`. Closed already: kept as it closed.
          if (closedOn === undefined)
            closed.push({ rule, obligation: o, openedOn, closedOn: date, reason: 'no_longer_applies' });
          else
            closed.push({
              rule,
              obligation: o,
              openedOn,
              closedOn,
              reason: o.metOn !== undefined ? 'step' : 'no_longer_applies',
            });
        }
      });
    return { date, obligations, closed };
  }
}

/**
 * The breaches to show beside the obligations as at D: one per obligation (the first time it
 * stopped applying), and none for an obligation that holds again as at D (shown from D's own).
 */
export function supersededToShow(
  breaches: readonly SupersededBreach[],
  holdsAsAt: (breach: SupersededBreach) => boolean,
): SupersededBreach[] {
  const shown: SupersededBreach[] = [];
  for (const breach of breaches) {
    if (holdsAsAt(breach)) continue;
    if (shown.some((s) => s.rule === breach.rule && sameObligation(s.obligation, breach.obligation)))
      continue;
    shown.push(breach);
  }
  return shown;
}

/**
 * The flag key of each entry of one rule, in opening order: several flags can share an obligation
 * key once one was superseded (the second review re-dated by a late first review keeps the key);
 * the first to open keeps the key, each later one gets its due date after `~`.
 */
export function distinctKey(key: string, dueDate: CalendarDate, first: boolean): string {
  return first ? key : `${key}~${dueDate}`;
}
