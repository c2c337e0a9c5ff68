/**
 * The last drift evaluation of each summary, so a report asked again for the same date (the
 * panel reloading today's list, a filter changed) evaluates only the children that changed.
 * Keyed by the summary object: the API's summary cache replaces a child's object when it changes,
 * and `eventCount` guards against a summary folded further in place. Evaluations are handed out as
 * copies and contexts read-only (driftReport copies each into its row), so changing one report
 * cannot change the next.
 */
import type { CalendarDate } from '@care-journey/journey';
import type { JourneySummary } from '../summary/journey-summary';
import type { DriftConfig } from './drift-config';
import type { DriftRule } from './drift-rule';
import type { DriftEvaluation, DriftFlag, DueSoonWarning } from './evaluate-drift';

export interface Key {
  eventCount: number;
  asAt: CalendarDate;
  config: DriftConfig;
  rules: readonly DriftRule[];
  within: number;
}

export interface Entry<C> extends Key {
  /** Computed on first use; undefined = not looked after on the date. */
  context?: { value: C | undefined };
  evaluation?: DriftEvaluation;
  /** The report's row, frozen through, for reports that share rows (made on first use). */
  row?: Readonly<C & DriftEvaluation>;
}

export const copyFlag = <T extends DriftFlag | DueSoonWarning>(flag: T): T => ({
  ...flag,
  evidence: [...flag.evidence],
  threshold: { ...flag.threshold },
});

const copyEvaluation = (e: DriftEvaluation): DriftEvaluation => ({
  flags: e.flags.map(copyFlag),
  dueSoon: e.dueSoon.map(copyFlag),
});

const sameRules = (a: readonly DriftRule[], b: readonly DriftRule[]): boolean =>
  a === b || (a.length === b.length && a.every((rule, i) => rule === b[i]));

/**
 * A report looks each child's entry up once, for its context and its evaluation (#9: a second
 * lookup and a key object per child cost more, at 2,000 open cases, than the evaluations saved).
 */
export class ChildDriftCache<C extends object> {
  private readonly entries = new WeakMap<JourneySummary, Entry<C>>();

  /** The summary's entry for this key: the one kept if it is for the same key and the same fold. */
  entry(summary: JourneySummary, key: Omit<Key, 'eventCount'>): Entry<C> {
    const hit = this.entries.get(summary);
    if (
      hit !== undefined &&
      hit.eventCount === summary.eventCount &&
      hit.asAt === key.asAt &&
      hit.config === key.config &&
      hit.within === key.within &&
      sameRules(hit.rules, key.rules)
    )
      return hit;
    const { asAt, config, rules, within } = key;
    const fresh: Entry<C> = { eventCount: summary.eventCount, asAt, config, rules, within };
    this.entries.set(summary, fresh);
    return fresh;
  }

  /** The entry's context, computed on first use; the caller copies it before handing it on. */
  context(entry: Entry<C>, compute: () => C | undefined): Readonly<C> | undefined {
    entry.context ??= { value: compute() };
    return entry.context.value;
  }

  /** A copy of the entry's evaluation, computed on first use. */
  evaluation(entry: Entry<C>, compute: () => DriftEvaluation): DriftEvaluation {
    entry.evaluation ??= copyEvaluation(compute());
    return copyEvaluation(entry.evaluation);
  }

  /**
   * The report row of context and evaluation, made once and frozen through, so every report that
   * shares it gets the same object and none can change it (#9: copying each row per report was a
   * third of a report's CPU).
   */
  sharedRow(
    entry: Entry<C>,
    context: Readonly<C>,
    compute: () => DriftEvaluation,
  ): Readonly<C & DriftEvaluation> {
    if (entry.row) return entry.row;
    const { flags, dueSoon } = this.evaluation(entry, compute);
    entry.row = deepFreeze({ ...context, flags, dueSoon });
    return entry.row;
  }
}

/** Freezes the value and every object and array inside it. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
