/**
 * The last drift evaluation of each summary, so a report asked again for the same date (the
 * panel reloading today's list, a filter changed) evaluates only the children that changed.
 * Keyed by the summary object: the API's summary cache replaces a child's object when it changes,
 * and `eventCount` guards against a summary folded further in place. Callers get copies, so
 * changing one report cannot change the next.
 */
import type { CalendarDate } from '@care-journey/journey';
import type { JourneySummary } from '../summary/journey-summary';
import type { DriftConfig } from './drift-config';
import type { DriftRule } from './drift-rule';
import type { DriftEvaluation, DriftFlag, DueSoonWarning } from './evaluate-drift';

interface Key {
  eventCount: number;
  asAt: CalendarDate;
  config: DriftConfig;
  rules: readonly DriftRule[];
  within: number;
}

interface Entry<C> extends Key {
  /** Computed on first use; undefined = not looked after on the date. */
  context?: { value: C | undefined };
  evaluation?: DriftEvaluation;
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

const sameKey = (a: Key, b: Key): boolean =>
  a.eventCount === b.eventCount &&
  a.asAt === b.asAt &&
  a.config === b.config &&
  a.within === b.within &&
  (a.rules === b.rules ||
    (a.rules.length === b.rules.length && a.rules.every((rule, i) => rule === b.rules[i])));

export class ChildDriftCache<C extends object> {
  private readonly entries = new WeakMap<JourneySummary, Entry<C>>();

  private entry(summary: JourneySummary, key: Omit<Key, 'eventCount'>): Entry<C> {
    const wanted = { ...key, eventCount: summary.eventCount };
    const hit = this.entries.get(summary);
    if (hit && sameKey(hit, wanted)) return hit;
    const fresh: Entry<C> = wanted;
    this.entries.set(summary, fresh);
    return fresh;
  }

  context(
    summary: JourneySummary,
    key: Omit<Key, 'eventCount'>,
    compute: () => C | undefined,
  ): C | undefined {
    const entry = this.entry(summary, key);
    entry.context ??= { value: compute() };
    return entry.context.value && { ...entry.context.value };
  }

  evaluation(
    summary: JourneySummary,
    key: Omit<Key, 'eventCount'>,
    compute: () => DriftEvaluation,
  ): DriftEvaluation {
    const entry = this.entry(summary, key);
    entry.evaluation ??= copyEvaluation(compute());
    return copyEvaluation(entry.evaluation);
  }
}
