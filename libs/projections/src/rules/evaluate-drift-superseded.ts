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
import type { CalendarDate } from '@care-journey/journey';
import { addDaysKept } from '../calendar/date-memo';
import type { JourneySummary, PeriodOfCare } from '../summary/journey-summary';
import { summaryAsAt } from '../summary/summary-as-at';
import type { DriftConfig } from './drift-config';
import type { DriftRule, Obligation } from './drift-rule';
import { facetMask, readMasks, readsAny, READS_ALL } from './rule-reads';

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
export function openingOf(o: Obligation): CalendarDate {
  // Kept date arithmetic: the feed asks this after most events, for the same due dates.
  const dayAfter = addDaysKept(o.dueDate, 1);
  return o.from > dayAfter ? o.from : dayAfter;
}

/** The same obligation: same key, due date and opening (what a flag.opened fact says). */
export const sameObligation = (a: Obligation, b: Obligation): boolean =>
  a.key === b.key && a.dueDate === b.dueDate && (a.from === b.from || openingOf(a) === openingOf(b));

/** The parts of the summary a fact of each list is in (what a step at its date may change). */
const PART = {
  // A period's start or end: which periods there are, every rule reads that.
  period: READS_ALL,
  allocations: facetMask(['allocations']),
  // A legal status can also start or stop short breaks, which moves the period's counted parts.
  legalStatuses: facetMask(['legalStatuses', 'period']),
  placements: facetMask(['placements']),
  // Rare facts, and the random journeys never show a step decided by them: every rule, to be safe.
  temporaryStays: READS_ALL,
  reviews: facetMask(['reviews', 'firstReviews']),
  plans: facetMask(['plans']),
  audits: facetMask(['audits']),
  visits: facetMask(['visits']),
  adoption: READS_ALL,
  missing: facetMask(['missing']),
};

/** The dates a walk still has to step through: after the last step kept, up to D. */
class DateRange {
  readonly dates = new Set<CalendarDate>();
  /** Each fact date, with the parts its facts are in (as bits). */
  readonly facts = new Map<CalendarDate, number>();
  /** The rules whose change point each date is (by index), for dates that are change points. */
  readonly owners = new Map<CalendarDate, number[]>();
  /** The latest fact date in the whole summary ('' when none): from it on, nothing to trim. */
  latestFact: CalendarDate = '';

  constructor(
    private readonly after: CalendarDate | undefined,
    private readonly asAt: CalendarDate,
  ) {}

  private within(date: CalendarDate): boolean {
    return date <= this.asAt && (this.after === undefined || date > this.after);
  }

  fact(date: CalendarDate | undefined, part: number): void {
    if (date === undefined) return;
    if (date > this.latestFact) this.latestFact = date;
    if (this.within(date)) this.facts.set(date, (this.facts.get(date) ?? 0) | part);
  }

  factsIn(list: readonly { date: CalendarDate }[], part: number): void {
    for (const fact of list) this.fact(fact.date, part);
  }

  point(date: CalendarDate, rule: number): void {
    if (!this.within(date)) return;
    this.dates.add(date);
    const owners = this.owners.get(date);
    if (owners === undefined) this.owners.set(date, [rule]);
    else if (!owners.includes(rule)) owners.push(rule);
  }

  /** The dates in order, fact dates and change points together. */
  sorted(): CalendarDate[] {
    for (const date of this.facts.keys()) this.dates.add(date);
    return [...this.dates].sort();
  }
}

function pushPeriodDates(range: DateRange, period: PeriodOfCare): void {
  const { adoption } = period;
  range.fact(period.start, PART.period);
  range.fact(period.end, PART.period);
  range.factsIn(period.legalStatuses, PART.legalStatuses);
  for (const run of period.placements) {
    range.fact(run.start, PART.placements);
    range.fact(run.end, PART.placements);
    range.factsIn(run.types, PART.placements);
    for (const stay of run.temporaryStays) {
      range.fact(stay.start, PART.temporaryStays);
      range.fact(stay.end, PART.temporaryStays);
    }
  }
  range.factsIn(period.reviews, PART.reviews);
  range.factsIn(period.plans, PART.plans);
  range.factsIn(period.audits, PART.audits);
  if (period.visits !== undefined) range.factsIn(period.visits, PART.visits);
  range.factsIn(adoption.decisions, PART.adoption);
  range.factsIn(adoption.reversals, PART.adoption);
  range.factsIn(adoption.placementOrders, PART.adoption);
  range.factsIn(adoption.consents, PART.adoption);
  range.factsIn(adoption.matches, PART.adoption);
  range.factsIn(adoption.placements, PART.adoption);
  range.fact(adoption.order?.date, PART.adoption);
  for (const spell of period.missing) {
    range.fact(spell.start, PART.missing);
    range.fact(spell.end, PART.missing);
  }
}

/**
 * Every date after `after` (all when undefined) and up to `asAt` at which the rules' obligations
 * can change: which are fact dates, and whose change points the others are.
 */
function walkDates(
  summary: JourneySummary,
  after: CalendarDate | undefined,
  asAt: CalendarDate,
  rules: readonly DriftRule[],
  config: DriftConfig,
): DateRange {
  const range = new DateRange(after, asAt);
  range.factsIn(summary.allocations, PART.allocations);
  for (const period of summary.periods) pushPeriodDates(range, period);
  rules.forEach((rule, r) => {
    for (const point of rule.changePoints?.(summary, config) ?? []) range.point(point, r);
  });
  return range;
}

/**
 * The walk, kept between calls by the feed's flag tracker: after a change to the summary from a
 * date on (an event folded at the end of the child's life), the steps before that date still hold.
 */
export class SupersededWalk {
  private steps: Step[] = [];
  /** Each rule's `reads` as bits. */
  private readonly masks: Int32Array;

  constructor(
    private readonly rules: readonly DriftRule[],
    private readonly config: DriftConfig,
    private readonly evidence: boolean,
  ) {
    this.masks = readMasks(rules);
  }

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
   *
   * Only the dates after the last step kept are gathered: the steps before `changedFrom`'s date
   * still hold, and so does their list of dates, since the summary as at any of them is the same
   * (a change point that appears before that date is one at which the obligations do not change).
   * With no date since the last step, that step already holds D's obligations: the caller's lists
   * may be new arrays (derived again), but nothing up to D they were derived from has changed.
   */
  breaches(
    summary: JourneySummary,
    asAt: CalendarDate,
    current: readonly (readonly Obligation[])[],
  ): SupersededBreach[] {
    const steps = this.steps;
    while (steps.length > 0 && steps[steps.length - 1].date > asAt) steps.pop();
    const after = steps.length > 0 ? steps[steps.length - 1].date : undefined;
    const range = walkDates(summary, after, asAt, this.rules, this.config);
    const dates = range.sorted();
    for (let i = 0; i < dates.length; i++) {
      const previous = steps[steps.length - 1];
      // A copy: the caller may reuse its array.
      const obligations =
        i === dates.length - 1 ? [...current] : this.obligationsAsAt(summary, dates[i], range, previous);
      steps.push(this.step(dates[i], obligations, previous));
    }
    const found: SupersededBreach[] = [];
    for (const step of steps) for (const breach of step.closed) found.push(breach);
    return found;
  }

  /**
   * Each rule's obligations as at `date`. Only the rules that can have changed since the step
   * before are derived again (the `reads` promise): those that read a part a fact of that date is
   * in, and those whose change point it is; the others keep the step before's. From the latest
   * fact date on, the summary as at the date is the summary itself.
   */
  private obligationsAsAt(
    summary: JourneySummary,
    date: CalendarDate,
    range: DateRange,
    before: Step | undefined,
  ): (readonly Obligation[])[] {
    const parts = range.facts.get(date) ?? 0;
    const owners = range.owners.get(date);
    let trimmed: JourneySummary | undefined;
    return this.rules.map((rule, r) => {
      if (before !== undefined && !readsAny(this.masks[r], parts) && !owners?.includes(r))
        return before.obligations[r];
      trimmed ??= date >= range.latestFact ? summary : summaryAsAt(summary, date);
      return rule.obligations(trimmed, date, this.config, this.evidence);
    });
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
          const closedOn = o.metOn ?? o.lapsedOn;
          // Never a breach, told from its own dates (most: met in time), before any search: closed
          // by its due date or before it came into being; or open but not open yet on the eve of
          // `date` (it opens after its due date, and not before `from`).
          if (
            closedOn !== undefined
              ? closedOn <= o.dueDate || closedOn < o.from
              : o.dueDate >= date || o.from >= date
          )
            continue;
          // Still there (most are): tested before the opening, a date computed, for those that went.
          if (current.some((now) => sameObligation(now, o))) continue;
          const openedOn = openingOf(o);
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
