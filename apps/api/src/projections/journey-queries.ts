import { Inject, Injectable } from '@nestjs/common';
import type { StoredJourneyEvent } from '@care-journey/journey';
import type {
  DriftConfig,
  JourneySummary,
  ProjectionEngine,
  ReadModelConfig,
} from '@care-journey/projections';
import { PROJECTION_ENGINE, READ_MODEL_CONFIG } from './projection-engine.provider';
import { ReadYourWrites } from './read-your-writes';

/**
 * What other modules (the panel's pages) read from the read models: every summary, one summary,
 * one child's stored events, the configured drift thresholds. Summaries come from the read-model
 * file and the engine's summary cache; a child's events from its stream in the event store (the
 * read model keeps no copy of them).
 */
@Injectable()
export class JourneyQueries {
  private last: readonly JourneySummary[] = [];
  private changes = 0;

  constructor(
    @Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine,
    @Inject(READ_MODEL_CONFIG) private readonly config: ReadModelConfig,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  /** CARE_JOURNEY_DRIFT_THRESHOLDS applied to the defaults. */
  get drift(): DriftConfig {
    return this.config.drift;
  }

  /**
   * Every child's summary. The same array comes back while no summary has changed, so callers
   * can cache what they derive from it by `version`.
   */
  summaries(): readonly JourneySummary[] {
    const now = [...this.engine.summaries()];
    // The engine replaces a child's summary object when it changes: comparing references is enough.
    const same = now.length === this.last.length && now.every((summary, i) => summary === this.last[i]);
    if (!same) {
      this.last = now;
      this.changes += 1;
    }
    return this.last;
  }

  /**
   * Changes whenever `summaries()` has returned something new. Unlike the checkpoint it does not
   * move for log entries that change no journey (the access log records every page view).
   */
  get version(): number {
    return this.changes;
  }

  summary(childId: string): JourneySummary | undefined {
    return this.engine.summary(childId);
  }

  /** The child's stored events with revision and position; undefined for an unknown child. */
  events(childId: string): Promise<StoredJourneyEvent[] | undefined> {
    return this.engine.childEvents(childId);
  }

  /** Read-your-writes: waits (bounded, else 503) until the read models hold `position`. */
  waitFor(position: string | undefined): Promise<void> {
    return this.readYourWrites.waitFor(position);
  }
}
