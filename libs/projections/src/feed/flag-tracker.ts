/**
 * One child's flag facts for the feed, event after event. The feed evaluates a child after every
 * event as at a clock that moves on almost every event, and re-deriving every rule each
 * time was half of a rebuild. A rule's obligations only change when a part of the summary it
 * reads changes (its `reads`), or, for a standing condition, when the date passes one of its
 * change points; so they are kept per rule and only the date filter is applied again. The facts
 * are the ones flagHistory gives (same filter, same order), built once per obligation.
 */
import type { CalendarDate } from '@care-journey/journey';
import type { DriftConfig } from '../rules/drift-config';
import type { DriftRule, Obligation } from '../rules/drift-rule';
import { DRIFT_RULES } from '../rules/rule-registry';
import { facetMask, readMasks, readsAny } from '../rules/rule-reads';
import type { JourneySummary } from '../summary/journey-summary';
import { summaryAsAt } from '../summary/summary-as-at';
import type { FacetChange } from '../summary/summary-facets';
import {
  distinctKey,
  openingOf,
  SupersededWalk,
  supersededToShow,
  type SupersededBreach,
} from '../rules/evaluate-drift-superseded';
import type { ChildFact } from './change-record';

interface FlagEntry {
  openedOn: CalendarDate;
  /** Open as at D (shown only from its opening day) or closed after it opened (always shown). */
  open: boolean;
  facts: ChildFact[];
  /** What the facts were made from: the obligation's key, start, due date, closing date and reason. */
  key: string;
  from: CalendarDate;
  dueDate: CalendarDate;
  closedOn: CalendarDate | undefined;
  reason: string | null;
}

interface Derived {
  entries: FlagEntry[];
  /** The obligations the entries were made from (the superseded walk's last step). */
  obligations: readonly Obligation[];
  /** Derived as at this date, valid for later dates before `until` (undefined: any later date). */
  asAt: CalendarDate;
  until: CalendarDate | undefined;
}

/** The entry made before from an obligation with this key, if any (looked for from `hint` on). */
function entryWithKey(entries: readonly FlagEntry[], key: string, hint: number): FlagEntry | undefined {
  if (hint < entries.length && entries[hint].key === key) return entries[hint];
  for (const entry of entries) if (entry.key === key) return entry;
  return undefined;
}

/**
 * The flag entries of a rule's obligations. An obligation that gives the same facts as an entry
 * derived before (same key, due date, opening, closing and reason) keeps that entry: its facts stay
 * the same objects, so nothing is built again and the diff sees them unchanged at a glance.
 */
function entriesOf(rule: DriftRule, obligations: readonly Obligation[], before: FlagEntry[]): FlagEntry[] {
  // Made only once an entry differs from `before`'s at the same place: most re-derivations give
  // the very entries of last time, and then `before` itself is handed back.
  let entries: FlagEntry[] | undefined;
  let count = 0;
  for (const o of obligations) {
    const closedOn = o.metOn ?? o.lapsedOn;
    // Closed before it opened (by the due date, or before it came into being): never breached.
    // The flag opens on the later of the day after the due date and `from`, so that is closing on
    // or before the due date, or before `from` (most obligations: no date arithmetic for them).
    if (closedOn !== undefined && (closedOn <= o.dueDate || closedOn < o.from)) continue;
    const kept = entryWithKey(before, o.key, count);
    // The same start and due date as the entry kept: the same opening, without the date arithmetic.
    const openedOn =
      kept !== undefined && kept.dueDate === o.dueDate && kept.from === o.from ? kept.openedOn : openingOf(o);
    const reason =
      closedOn === undefined
        ? null
        : o.metOn !== undefined
          ? 'step'
          : o.lapsedOn !== undefined
            ? 'no_longer_applies'
            : null;
    const entry =
      kept !== undefined &&
      kept.dueDate === o.dueDate &&
      kept.openedOn === openedOn &&
      kept.closedOn === closedOn &&
      kept.reason === reason
        ? kept
        : newEntry(rule, o, openedOn, closedOn, reason);
    if (entries === undefined) {
      if (count < before.length && before[count] === entry) {
        count += 1;
        continue;
      }
      entries = before.slice(0, count);
    }
    entries.push(entry);
    count += 1;
  }
  if (entries !== undefined) return entries;
  return count === before.length ? before : before.slice(0, count);
}

function newEntry(
  rule: DriftRule,
  o: Obligation,
  openedOn: CalendarDate,
  closedOn: CalendarDate | undefined,
  reason: string | null,
  factKey: string = o.key,
): FlagEntry {
  const key = `${rule.id}/${factKey}`;
  const flag = { ruleId: rule.id, title: rule.title, dueDate: o.dueDate, openedOn };
  const facts: ChildFact[] = [{ kind: 'flag.opened', key, data: flag }];
  // Written out, not spread from `flag`: the same keys in the same order, without the copy's cost.
  if (closedOn !== undefined)
    facts.push({
      kind: 'flag.closed',
      key,
      data: { ruleId: rule.id, title: rule.title, dueDate: o.dueDate, openedOn, closedOn, reason },
    });
  return {
    openedOn,
    open: closedOn === undefined,
    facts,
    key: o.key,
    from: o.from,
    dueDate: o.dueDate,
    closedOn,
    reason,
  };
}

/** No superseded breach to show (most calls): one list, never written to, not one per rule per call. */
const NO_BREACHES: readonly SupersededBreach[] = Object.freeze([]);

/** Above this many entries, Array.prototype.sort; below, an insertion sort that allocates nothing. */
const INSERTION_SORT_AT_MOST = 64;

const byOpening = (a: FlagEntry, b: FlagEntry): number =>
  a.openedOn < b.openedOn ? -1 : a.openedOn > b.openedOn ? 1 : 0;

/**
 * Stable sort of the first `count` entries by opening date, in place (the same order as
 * `entries.slice(0, count).sort(byOpening)`).
 */
function sortByOpening(entries: FlagEntry[], count: number): void {
  if (count > INSERTION_SORT_AT_MOST) {
    const sorted = entries.slice(0, count).sort(byOpening);
    for (let i = 0; i < count; i++) entries[i] = sorted[i];
    return;
  }
  for (let i = 1; i < count; i++) {
    const entry = entries[i];
    let j = i - 1;
    while (j >= 0 && entries[j].openedOn > entry.openedOn) {
      entries[j + 1] = entries[j];
      j--;
    }
    entries[j + 1] = entry;
  }
}

/** The first `count` entries' facts in order are exactly `given` (the same objects). */
function sameFactsAs(entries: readonly FlagEntry[], count: number, given: readonly ChildFact[]): boolean {
  let n = 0;
  for (let i = 0; i < count; i++)
    for (const fact of entries[i].facts) {
      if (n >= given.length || given[n] !== fact) return false;
      n++;
    }
  return n === given.length;
}

function factsOf(entries: readonly FlagEntry[], count: number): ChildFact[] {
  const facts: ChildFact[] = [];
  for (let i = 0; i < count; i++) for (const fact of entries[i].facts) facts.push(fact);
  return facts;
}

/** The first change point after `asAt` (undefined when none). */
function nextPoint(points: readonly CalendarDate[], asAt: CalendarDate): CalendarDate | undefined {
  let next: CalendarDate | undefined;
  for (const point of points) if (point > asAt && (next === undefined || point < next)) next = point;
  return next;
}

export class FlagTracker {
  /** Each rule's obligations kept, by the rule's index in `rules` (arrays: a map per child was garbage). */
  private readonly derived: (Derived | undefined)[];
  private summary: JourneySummary | undefined;
  /** On or after every date in `summary`, when the caller keeps it (PerEventFold.latestDate). */
  private latest: CalendarDate | undefined;
  /** Whether, in the last `facts`, nothing in the summary was dated after the date asked for. */
  whole = false;
  /**
   * The facts last given, while every rule's obligations are kept: the same until an open flag
   * shows (`nextOpening`), a rule passes a change point (`until`) or a part the rules read changes.
   */
  private last:
    | {
        asAt: CalendarDate;
        facts: ChildFact[];
        nextOpening: CalendarDate | undefined;
        until: CalendarDate | undefined;
      }
    | undefined;
  /** The facts given last. */
  private given: ChildFact[] = [];
  /**
   * The entries shown as at the date asked for, while `facts` works: one array, filled from the
   * start each time (emptying it by `length = 0` gave its storage back, to be made again).
   */
  private readonly shown: FlagEntry[] = [];
  /** Each rule's entries derived last (kept across changes: an unchanged obligation reuses its entry). */
  private readonly entries: FlagEntry[][];
  /** Breaches a later step made no longer apply (flagHistory's), walked date by date and kept. */
  private readonly walk: SupersededWalk;
  /** Entries made for superseded breaches and for renamed keys, by what they say: the same objects. */
  private readonly madeEntries = new Map<string, FlagEntry>();
  /** Each rule's derivation and obligations in the `facts` under way (arrays kept, not made per call). */
  private readonly allDerived: Derived[] = [];
  private readonly obligations: (readonly Obligation[])[] = [];
  /** Each rule's `reads` as bits (readMasks). */
  private readonly masks: Int32Array;

  constructor(
    private readonly config: DriftConfig,
    private readonly rules: readonly DriftRule[] = DRIFT_RULES,
  ) {
    this.derived = rules.map(() => undefined);
    this.entries = rules.map(() => []);
    this.walk = new SupersededWalk(rules, config, false);
    this.masks = readMasks(rules);
  }

  private forgetDerived(): void {
    this.derived.fill(undefined);
    this.last = undefined;
  }

  /** Forget everything derived, the superseded walk too (another summary). */
  private forgetAll(): void {
    this.forgetDerived();
    this.walk.changedFrom(undefined);
  }

  /**
   * The summary given last was changed in place, or replaced by `summary` (a refold), in the parts
   * `change` lists: forget what was derived from those parts. `latest`, when given, is on or after
   * every date in `summary`: `facts` then need not scan the summary for dates after the one asked.
   */
  changed(change: FacetChange, summary?: JourneySummary, latest?: CalendarDate, from?: CalendarDate): void {
    this.latest = summary !== undefined ? latest : undefined;
    if (change === 'all') {
      // A period started or ended at the end of the child's life (`from`) leaves the walk before it.
      this.forgetDerived();
      this.walk.changedFrom(from);
      if (summary !== undefined) this.summary = summary;
      return;
    }
    const changeMask = facetMask(change);
    // `from`: nothing dated before it changed (an event folded at the end of the child's life).
    // Told of every change (it keeps the summary's fact dates); a change no rule reads moves no step.
    if (change.length > 0) this.walk.changedFrom(from, change);
    // Kept for the new summary: what it was derived from is the same in both.
    if (summary !== undefined && this.summary !== undefined) this.summary = summary;
    for (let i = 0; i < this.rules.length; i++)
      if (this.derived[i] !== undefined && readsAny(this.masks[i], changeMask)) {
        this.derived[i] = undefined;
        this.last = undefined;
      }
  }

  /** The flag facts of flagHistory(summary, asAt) (flag.opened, and flag.closed once closed). */
  facts(summary: JourneySummary, asAt: CalendarDate): ChildFact[] {
    if (summary !== this.summary) {
      this.forgetAll();
      this.summary = summary;
      this.latest = undefined;
    }
    // Nothing dated after D (the feed's clock is on or after every date it folded): no scan.
    const trimmed = this.latest !== undefined && this.latest <= asAt ? summary : summaryAsAt(summary, asAt);
    // Something is dated after D: the rules see a trimmed copy that changes with D, keep nothing.
    const keep = trimmed === summary;
    this.whole = keep;
    if (!keep) this.forgetDerived();
    const last = this.last;
    if (
      last !== undefined &&
      asAt >= last.asAt &&
      (last.nextOpening === undefined || asAt < last.nextOpening) &&
      (last.until === undefined || asAt < last.until)
    )
      return last.facts;
    const shown = this.shown;
    let count = 0;
    let nextOpening: CalendarDate | undefined;
    let until: CalendarDate | undefined;
    let kept = keep;
    const all = this.allDerived;
    for (let r = 0; r < this.rules.length; r++) {
      const rule = this.rules[r];
      let derived = keep ? this.derived[r] : undefined;
      if (!this.valid(derived, asAt)) derived = undefined;
      if (!derived) {
        // Without evidence: the facts never show it.
        const obligations = rule.obligations(trimmed, asAt, this.config, false);
        const entries = entriesOf(rule, obligations, this.entries[r]);
        this.entries[r] = entries;
        derived = {
          entries,
          obligations,
          asAt,
          until: rule.changePoints ? nextPoint(rule.changePoints(trimmed, this.config), asAt) : undefined,
        };
        if (keep && rule.reads) this.derived[r] = derived;
        else {
          this.derived[r] = undefined;
          kept = false;
        }
      }
      all[r] = derived;
      this.obligations[r] = derived.obligations;
    }
    const breaches = this.walk.breaches(summary, asAt, this.obligations);
    for (let r = 0; r < this.rules.length; r++) {
      const rule = this.rules[r];
      const derived = all[r];
      if (derived.until !== undefined && (until === undefined || derived.until < until))
        until = derived.until;
      const first = count;
      const superseded =
        breaches.length === 0 ? NO_BREACHES : this.supersededOf(r, breaches, derived.entries);
      for (const breach of superseded) shown[count++] = this.supersededEntry(rule, breach);
      for (const entry of derived.entries)
        if (!entry.open || asAt >= entry.openedOn) shown[count++] = entry;
        else if (nextOpening === undefined || entry.openedOn < nextOpening) nextOpening = entry.openedOn;
      if (superseded.length > 0) this.distinctKeys(rule, shown, first, count);
    }
    sortByOpening(shown, count);
    // The same facts as given last (re-derived, nothing changed): the same array, for the view.
    const facts = sameFactsAs(shown, count, this.given) ? this.given : factsOf(shown, count);
    this.given = facts;
    // Every rule's obligations kept: the same facts hold until one of them changes or a flag opens.
    this.last = kept ? { asAt, facts, nextOpening, until } : undefined;
    return facts;
  }

  /** Rule `r`'s superseded breaches to show: not those whose obligation holds as at D (`entries`). */
  private supersededOf(r: number, breaches: readonly SupersededBreach[], entries: readonly FlagEntry[]) {
    return supersededToShow(
      breaches.filter((breach) => breach.rule === r),
      ({ obligation: o, openedOn }) =>
        entries.some((e) => e.key === o.key && e.dueDate === o.dueDate && e.openedOn === openedOn),
    );
  }

  private supersededEntry(rule: DriftRule, breach: SupersededBreach): FlagEntry {
    const { obligation: o, openedOn, closedOn, reason } = breach;
    const id = `${rule.id}|${o.key}|${o.dueDate}|${openedOn}|${closedOn}|${reason}`;
    let entry = this.madeEntries.get(id);
    if (entry === undefined)
      this.madeEntries.set(id, (entry = newEntry(rule, o, openedOn, closedOn, reason)));
    return entry;
  }

  /**
   * One rule's shown entries (`shown[first..count)`) with keys told apart as flagHistory does:
   * in opening order, the first with an obligation key keeps it, later ones get their due date.
   */
  private distinctKeys(rule: DriftRule, shown: FlagEntry[], first: number, count: number): void {
    const order = shown.slice(first, count).sort(byOpening);
    const seen = new Set<string>();
    for (const entry of order) {
      if (seen.has(entry.key)) {
        const index = shown.indexOf(entry, first);
        const factKey = distinctKey(entry.key, entry.dueDate, false);
        const id = `${rule.id}|${factKey}|${entry.dueDate}|${entry.openedOn}|${entry.closedOn}|${entry.reason}`;
        let renamed = this.madeEntries.get(id);
        if (renamed === undefined) {
          const o = { key: entry.key, from: entry.from, dueDate: entry.dueDate, evidence: [] };
          renamed = newEntry(rule, o, entry.openedOn, entry.closedOn, entry.reason, factKey);
          this.madeEntries.set(id, renamed);
        }
        shown[index] = renamed;
      }
      seen.add(entry.key);
    }
  }

  /** Derived obligations still hold as at `asAt` (the date moved on, but not past a change point). */
  private valid(derived: Derived | undefined, asAt: CalendarDate): derived is Derived {
    return (
      derived !== undefined && asAt >= derived.asAt && (derived.until === undefined || asAt < derived.until)
    );
  }
}
