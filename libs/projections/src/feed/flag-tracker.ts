/**
 * One child's flag facts for the feed, event after event. The feed evaluates a child after every
 * event as at a clock that moves on almost every event, and re-deriving all eleven rules each
 * time was half of a rebuild. A rule's obligations only change when a part of the summary it
 * reads changes (its `reads`), or, for a standing condition, when the date passes one of its
 * change points; so they are kept per rule and only the date filter is applied again. The facts
 * are the ones flagHistory gives (same filter, same order), built once per obligation.
 */
import type { CalendarDate } from '@care-journey/journey';
import { addDays, maxDate } from '@care-journey/journey';
import type { DriftConfig } from '../rules/drift-config';
import type { DriftRule, Obligation } from '../rules/drift-rule';
import { DRIFT_RULES } from '../rules/rule-registry';
import type { JourneySummary } from '../summary/journey-summary';
import { summaryAsAt } from '../summary/summary-as-at';
import type { FacetChange } from '../summary/summary-facets';
import type { ChildFact } from './change-record';

interface FlagEntry {
  openedOn: CalendarDate;
  /** Open as at D (shown only from its opening day) or closed after it opened (always shown). */
  open: boolean;
  facts: ChildFact[];
}

interface Derived {
  entries: FlagEntry[];
  /** Derived as at this date, valid for later dates before `until` (undefined: any later date). */
  asAt: CalendarDate;
  until: CalendarDate | undefined;
}

function entriesOf(rule: DriftRule, obligations: readonly Obligation[]): FlagEntry[] {
  const entries: FlagEntry[] = [];
  for (const o of obligations) {
    const closedOn = o.metOn ?? o.lapsedOn;
    const openedOn = maxDate(addDays(o.dueDate, 1), o.from);
    // Closed by the due date: never breached.
    if (closedOn !== undefined && closedOn < openedOn) continue;
    const key = `${rule.id}/${o.key}`;
    const flag = { ruleId: rule.id, title: rule.title, dueDate: o.dueDate, openedOn };
    const facts: ChildFact[] = [{ kind: 'flag.opened', key, data: flag }];
    if (closedOn !== undefined) {
      const reason = o.metOn !== undefined ? 'step' : o.lapsedOn !== undefined ? 'no_longer_applies' : null;
      facts.push({ kind: 'flag.closed', key, data: { ...flag, closedOn, reason } });
    }
    entries.push({ openedOn, open: closedOn === undefined, facts });
  }
  return entries;
}

/** The first change point after `asAt` (undefined when none). */
function nextPoint(points: readonly CalendarDate[], asAt: CalendarDate): CalendarDate | undefined {
  let next: CalendarDate | undefined;
  for (const point of points) if (point > asAt && (next === undefined || point < next)) next = point;
  return next;
}

export class FlagTracker {
  private readonly derived = new Map<DriftRule, Derived>();
  private summary: JourneySummary | undefined;
  /** Whether, in the last `facts`, nothing in the summary was dated after the date asked for. */
  whole = false;
  /** The facts last given, while nothing was derived again: the same until an open flag shows. */
  private last: { asAt: CalendarDate; facts: ChildFact[]; nextOpening: CalendarDate | undefined } | undefined;

  constructor(
    private readonly config: DriftConfig,
    private readonly rules: readonly DriftRule[] = DRIFT_RULES,
  ) {}

  /** The summary given last was changed in place: forget what was derived from those parts. */
  changed(change: FacetChange): void {
    if (change === 'all') {
      this.derived.clear();
      this.last = undefined;
      return;
    }
    for (const rule of this.derived.keys())
      if (rule.reads?.some((facet) => change.includes(facet))) {
        this.derived.delete(rule);
        this.last = undefined;
      }
  }

  /** The flag facts of flagHistory(summary, asAt) (flag.opened, and flag.closed once closed). */
  facts(summary: JourneySummary, asAt: CalendarDate): ChildFact[] {
    if (summary !== this.summary) {
      this.derived.clear();
      this.last = undefined;
      this.summary = summary;
    }
    const trimmed = summaryAsAt(summary, asAt);
    // Something is dated after D: the rules see a trimmed copy that changes with D, keep nothing.
    const keep = trimmed === summary;
    this.whole = keep;
    if (!keep) {
      this.derived.clear();
      this.last = undefined;
    }
    const last = this.last;
    if (
      last !== undefined &&
      asAt >= last.asAt &&
      (last.nextOpening === undefined || asAt < last.nextOpening)
    )
      if (this.rules.every((rule) => this.valid(this.derived.get(rule), asAt))) return last.facts;
    const shown: FlagEntry[] = [];
    let nextOpening: CalendarDate | undefined;
    let kept = keep;
    for (const rule of this.rules) {
      let derived = keep ? this.derived.get(rule) : undefined;
      if (!this.valid(derived, asAt)) derived = undefined;
      if (!derived) {
        derived = {
          entries: entriesOf(rule, rule.obligations(trimmed, asAt, this.config)),
          asAt,
          until: rule.changePoints ? nextPoint(rule.changePoints(trimmed, this.config), asAt) : undefined,
        };
        if (keep && rule.reads) this.derived.set(rule, derived);
        else kept = false;
      }
      for (const entry of derived.entries)
        if (!entry.open || asAt >= entry.openedOn) shown.push(entry);
        else if (nextOpening === undefined || entry.openedOn < nextOpening) nextOpening = entry.openedOn;
    }
    shown.sort((a, b) => (a.openedOn < b.openedOn ? -1 : a.openedOn > b.openedOn ? 1 : 0));
    const facts = shown.flatMap((entry) => entry.facts);
    // Every rule's obligations kept: the same facts hold until one of them changes or a flag opens.
    this.last = kept ? { asAt, facts, nextOpening } : undefined;
    return facts;
  }

  /** Derived obligations still hold as at `asAt` (the date moved on, but not past a change point). */
  private valid(derived: Derived | undefined, asAt: CalendarDate): derived is Derived {
    return (
      derived !== undefined && asAt >= derived.asAt && (derived.until === undefined || asAt < derived.until)
    );
  }
}
