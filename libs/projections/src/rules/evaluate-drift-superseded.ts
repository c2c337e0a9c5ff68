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
import type { JourneySummary } from '../summary/journey-summary';
import type { FacetChange } from '../summary/summary-facets';
import { summaryAsAt } from '../summary/summary-as-at';
import type { DriftConfig } from './drift-config';
import type { DriftRule, Obligation } from './drift-rule';
import { readMasks, readsAny, READS_ALL } from './rule-reads';
import { DateRange, FactDates, partsChangedBy } from './superseded-walk-dates';

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
  /** Breaches closed on `date`, by rule (in the rules' order). */
  closed: readonly SupersededBreach[];
  /** How many breaches the steps before this one closed (its first one's place in `found`). */
  foundBefore: number;
}

/** A step's `closed` when it closed nothing (most): one shared list, never written to. */
const NONE_CLOSED: readonly SupersededBreach[] = Object.freeze([]);

/** The flag opens the day after its due date, or when it came into being if that is later. */
export function openingOf(o: Obligation): CalendarDate {
  // Kept date arithmetic: the feed asks this after most events, for the same due dates.
  const dayAfter = addDaysKept(o.dueDate, 1);
  return o.from > dayAfter ? o.from : dayAfter;
}

/** The same obligation: same key, due date and opening (what a flag.opened fact says). */
export const sameObligation = (a: Obligation, b: Obligation): boolean =>
  a.key === b.key && a.dueDate === b.dueDate && (a.from === b.from || openingOf(a) === openingOf(b));

/** The first step dated on or after `date` (steps.length when none): steps are in date order. */
function firstOnOrAfter(steps: readonly Step[], date: CalendarDate): number {
  let low = 0;
  let high = steps.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (steps[middle].date < date) low = middle + 1;
    else high = middle;
  }
  return low;
}

const NO_POINTS: readonly CalendarDate[] = Object.freeze([]);

/**
 * The walk, kept between calls by the feed's flag tracker. After a change to the summary from a
 * date on (an event folded at the end of the child's life, or a refold from an entry's date), the
 * steps before that date still hold; so, at every later date walked before, do the obligations
 * of each rule that reads none of the changed parts (its `reads` promise): only the set of dates
 * may differ, and at a date new to the walk such a rule keeps the obligations of the date before.
 * Only the rules that read a changed part are derived again there.
 */
export class SupersededWalk {
  private readonly steps: Step[] = [];
  /** Every step's breaches, in the steps' order: what `breaches` hands out. */
  private readonly found: SupersededBreach[] = [];
  /** The last `breaches` looked at every date up to this one ('' when none). */
  private walkedTo: CalendarDate = '';
  /** Steps dated on or after this date may be stale for the rules reading `staleParts`. */
  private staleFrom: CalendarDate | undefined;
  private staleParts = 0;
  /** The summary's fact dates, kept until a change in their part. */
  private readonly facts = new FactDates();
  /** Each rule's change points in the summary, kept until a part it reads changes. */
  private readonly points: (readonly CalendarDate[] | undefined)[];
  /** In the `breaches` under way, each rule's last date (index) that can change its obligations. */
  private readonly lastAt: Int32Array;
  /** Each rule's `reads` as bits. */
  private readonly masks: Int32Array;

  constructor(
    private readonly rules: readonly DriftRule[],
    private readonly config: DriftConfig,
    private readonly evidence: boolean,
  ) {
    this.masks = readMasks(rules);
    this.points = rules.map(() => undefined);
    this.lastAt = new Int32Array(rules.length);
  }

  /**
   * The summary changed on or after `from` (undefined: anywhere, or another summary), in the parts
   * `change` lists (facetsChangedBy, facetsBetween; 'all' when not known). To be told of every
   * change, also one no rule reads: the walk keeps the summary's fact dates.
   */
  changedFrom(from: CalendarDate | undefined, change: FacetChange = 'all'): void {
    this.facts.changed(from === undefined ? 'all' : change);
    const parts = from === undefined ? READS_ALL : partsChangedBy(change);
    let reached = false;
    for (let r = 0; r < this.rules.length; r++)
      if (readsAny(this.masks[r], parts)) {
        this.points[r] = undefined;
        reached = true;
      }
    if (from === undefined) {
      this.keep(0);
      this.walkedTo = '';
      this.staleFrom = undefined;
      this.staleParts = 0;
      return;
    }
    // A change no rule reads changes no step: at a new fact date of it, every rule keeps its obligations.
    if (!reached) return;
    if (this.staleFrom === undefined || from < this.staleFrom) this.staleFrom = from;
    this.staleParts |= parts;
  }

  /**
   * The breaches superseded up to `asAt`, in the order they closed (the walk's own list: read it,
   * do not keep it). `current`, each rule's obligations as at `asAt` (the caller has them), are also
   * a rule's obligations as at any date after its last fact date or change point (the rules' `reads`
   * promise): those dates are not derived.
   *
   * Only the dates after the last step kept are gathered: the steps before `changedFrom`'s date
   * still hold, and so does their list of dates, since the summary as at any of them is the same
   * (a change point that appears before that date is one at which the obligations do not change).
   */
  breaches(
    summary: JourneySummary,
    asAt: CalendarDate,
    current: readonly (readonly Obligation[])[],
  ): readonly SupersededBreach[] {
    const steps = this.steps;
    let count = steps.length;
    while (count > 0 && steps[count - 1].date > asAt) count--;
    this.keep(count);
    if (this.walkedTo > asAt) this.walkedTo = asAt;
    // The steps from the change on: kept for the rules it cannot reach, when there is a step before.
    let stale: readonly Step[] = [];
    let touched = 0;
    let known: CalendarDate = '';
    if (this.staleFrom !== undefined) {
      const first = firstOnOrAfter(steps, this.staleFrom);
      touched = this.staleParts;
      if (first > 0 && touched !== READS_ALL) {
        stale = steps.slice(first);
        known = this.walkedTo;
      }
      this.keep(first);
      this.staleFrom = undefined;
      this.staleParts = 0;
    }
    const base = steps[steps.length - 1] as Step | undefined;
    const range = new DateRange(base?.date, asAt);
    this.facts.addTo(range, summary);
    const points = this.changePoints(summary);
    for (let r = 0; r < points.length; r++) range.pointsIn(points[r], r);
    const dates = range.sorted();
    this.markLastDates(range, dates);
    // The stale step on or before each date (else `base`): what a rule the change cannot reach had.
    let carry = base;
    let next = 0;
    for (let i = 0; i < dates.length; i++) {
      const date = dates[i];
      while (next < stale.length && stale[next].date <= date) carry = stale[next++];
      const kept = date <= known ? carry : undefined;
      const previous = steps[steps.length - 1] as Step | undefined;
      const obligations = this.obligationsAt(summary, date, i, range, previous, kept, touched, current);
      const old = kept !== undefined && kept.date === date ? kept : undefined;
      steps.push(this.step(date, obligations, previous, kept !== undefined, old, touched));
    }
    this.walkedTo = asAt;
    return this.found;
  }

  /** Keeps the first `count` steps (and their breaches). */
  private keep(count: number): void {
    if (count >= this.steps.length) return;
    this.found.length = this.steps[count].foundBefore;
    this.steps.length = count;
  }

  /** Each rule's change points, in order (a copy: the rule's own list is left as it gave it). */
  private changePoints(summary: JourneySummary): readonly (readonly CalendarDate[])[] {
    const points = this.points;
    for (let r = 0; r < this.rules.length; r++)
      if (points[r] === undefined) {
        const given = this.rules[r].changePoints?.(summary, this.config);
        points[r] = given === undefined || given.length === 0 ? NO_POINTS : [...given].sort();
      }
    return points as readonly (readonly CalendarDate[])[];
  }

  /** Whether a fact of `parts` or a change point of `owners` on a date can change rule `r`'s obligations. */
  private moves(r: number, parts: number, owners: readonly number[] | undefined): boolean {
    return readsAny(this.masks[r], parts) || (owners !== undefined && owners.includes(r));
  }

  /** `lastAt`: each rule's last date among `dates` that can change its obligations (-1: none). */
  private markLastDates(range: DateRange, dates: readonly CalendarDate[]): void {
    const lastAt = this.lastAt;
    lastAt.fill(-1);
    let left = this.rules.length;
    for (let i = dates.length - 1; i >= 0 && left > 0; i--) {
      const parts = range.facts.get(dates[i]) ?? 0;
      const owners = range.owners.get(dates[i]);
      for (let r = 0; r < lastAt.length; r++)
        if (lastAt[r] === -1 && this.moves(r, parts, owners)) {
          lastAt[r] = i;
          left--;
        }
    }
  }

  /**
   * Each rule's obligations as at `date` (the `index`th date walked). A rule the change cannot
   * reach has those of the step `kept` (the walk before the change, on or before the date). Of the
   * others, only those a fact of the date or a change point can change are derived again; the rest
   * keep the step before's. After its last such date, a rule's obligations are the caller's as at D.
   * From the latest fact date on, the summary as at the date is the summary itself.
   */
  private obligationsAt(
    summary: JourneySummary,
    date: CalendarDate,
    index: number,
    range: DateRange,
    previous: Step | undefined,
    kept: Step | undefined,
    touched: number,
    current: readonly (readonly Obligation[])[],
  ): (readonly Obligation[])[] {
    const parts = range.facts.get(date) ?? 0;
    const owners = range.owners.get(date);
    let trimmed: JourneySummary | undefined;
    const obligations: (readonly Obligation[])[] = new Array(this.rules.length);
    for (let r = 0; r < this.rules.length; r++) {
      if (kept !== undefined && !readsAny(this.masks[r], touched)) obligations[r] = kept.obligations[r];
      else if (previous !== undefined && !this.moves(r, parts, owners))
        obligations[r] = previous.obligations[r];
      else if (this.lastAt[r] <= index) obligations[r] = current[r];
      else {
        trimmed ??= date >= range.latestFact ? summary : summaryAsAt(summary, date);
        obligations[r] = this.rules[r].obligations(trimmed, date, this.config, this.evidence);
      }
    }
    return obligations;
  }

  /**
   * The step at `date`. With `carried`, a rule the change cannot reach closes on this date what it
   * closed before the change (`old`, the step at the same date), or nothing at a date new to the walk.
   */
  private step(
    date: CalendarDate,
    obligations: readonly (readonly Obligation[])[],
    previous: Step | undefined,
    carried: boolean,
    old: Step | undefined,
    touched: number,
  ): Step {
    let closed: SupersededBreach[] | undefined;
    if (previous !== undefined)
      for (let rule = 0; rule < obligations.length; rule++) {
        if (carried && !readsAny(this.masks[rule], touched)) {
          if (old !== undefined)
            for (const breach of old.closed) if (breach.rule === rule) (closed ??= []).push(breach);
        } else closed = closedBetween(date, rule, previous.obligations[rule], obligations[rule], closed);
      }
    const step = { date, obligations, closed: closed ?? NONE_CLOSED, foundBefore: this.found.length };
    if (closed !== undefined) for (const breach of closed) this.found.push(breach);
    return step;
  }
}

/** Adds to `closed` rule `rule`'s breaches that stopped applying on `date` (`before` to `current`). */
function closedBetween(
  date: CalendarDate,
  rule: number,
  before: readonly Obligation[],
  current: readonly Obligation[],
  closed: SupersededBreach[] | undefined,
): SupersededBreach[] | undefined {
  // The very list the step before had (a rule not derived again): nothing of it went.
  if (current === before) return closed;
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
      (closed ??= []).push({ rule, obligation: o, openedOn, closedOn: date, reason: 'no_longer_applies' });
    else
      (closed ??= []).push({
        rule,
        obligation: o,
        openedOn,
        closedOn,
        reason: o.metOn !== undefined ? 'step' : 'no_longer_applies',
      });
  }
  return closed;
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
