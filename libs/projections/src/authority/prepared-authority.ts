/**
 * The authority measures kept up to date from the engine's read models: each call re-prepares
 * only the children whose summary changed since the last one (the read model replaces a child's
 * summary object when a new event lands), so a reporting job asking every few minutes does not
 * re-prepare every child. Holds prepared children only; the read models stay the engine's.
 */
import { resolveCorrections, type StoredJourneyEvent } from '@care-journey/journey';
import type { JourneySummary } from '../summary/journey-summary';
import { prepareChild, type AuthorityChild } from './authority-child';
import type { AuthorityConfig } from './authority-config';
import { AuthorityMeasures } from './authority-measures';
import type { JourneyReadModels } from './journey-read-models';
import { placementDetailsFromEvents, type AuthorityChildInput } from './placement-details';

interface PreparedEntry {
  /** The summary it was prepared from: the per-child version key. */
  summary: JourneySummary;
  child: AuthorityChild;
  /** Position of the child's first event: children are listed in the order they entered the log. */
  since: bigint;
}

const byFirstEvent = (a: PreparedEntry, b: PreparedEntry): number =>
  a.since < b.since ? -1 : a.since > b.since ? 1 : 0;

/** One child's input from its read model: the stored summary, placement details from its events. */
export const authorityInputFromReadModel = (
  summary: JourneySummary,
  storedEvents: readonly StoredJourneyEvent[],
): AuthorityChildInput => ({
  summary,
  details: placementDetailsFromEvents(resolveCorrections(storedEvents)),
});

export class PreparedAuthority {
  private readonly prepared = new Map<string, PreparedEntry>();
  private readonly districts: ReadonlySet<string>;
  private version?: number;
  private latest?: AuthorityMeasures;

  constructor(readonly config: AuthorityConfig) {
    this.districts = new Set(config.districts);
  }

  /** The measures over every child the read models hold now; the same object while nothing changed. */
  async measures(readModels: JourneyReadModels): Promise<AuthorityMeasures> {
    const summaries = readModels.summaries();
    const version = readModels.version;
    if (this.latest && version !== undefined && version === this.version) return this.latest;
    this.version = version;

    let changed = false;
    const entries: PreparedEntry[] = [];
    const seen = new Set<string>();
    for (const summary of summaries) {
      seen.add(summary.childId);
      let entry = this.prepared.get(summary.childId);
      if (entry?.summary !== summary) {
        entry = this.prepare(summary, (await readModels.events(summary.childId)) ?? []);
        this.prepared.set(summary.childId, entry);
        changed = true;
      }
      entries.push(entry);
    }
    // Only a rebuild drops children; forget them so the next rebuild starts clean.
    for (const childId of this.prepared.keys()) {
      if (seen.has(childId)) continue;
      this.prepared.delete(childId);
      changed = true;
    }
    if (this.latest && !changed) return this.latest;
    // The read model lists children by last change; the measures list them by first appearance.
    const children = entries.sort(byFirstEvent).map((entry) => entry.child);
    this.latest = AuthorityMeasures.fromPrepared(children, this.config);
    return this.latest;
  }

  private prepare(summary: JourneySummary, events: readonly StoredJourneyEvent[]): PreparedEntry {
    const input = authorityInputFromReadModel(summary, events);
    return {
      summary,
      child: prepareChild(input, this.config, this.districts),
      since: events[0]?.globalPosition ?? 0n,
    };
  }
}
