import { authorityOptions, generateChild, runJourney, syntheticEventId } from '@care-journey/reporting';
import type { NewEvent } from '@care-journey/event-store';

/** One generated child: its id, its events' ids and each event as JSON (no hash chain yet). */
export interface Template {
  childId: string;
  eventIds: string[];
  json: string[];
}

/** The cohort's authority: ten years of history, so children carry long journeys. */
export const COHORT_AUTHORITY = { seed: 'care-journey-bench', years: 10 } as const;

/**
 * Children through the real generator and decider. A child the generator cannot complete is
 * skipped (as the authority specs do), so `count` templates may need a few more draws.
 */
export function makeTemplates(count: number, onProgress: (done: number) => void): Template[] {
  const options = authorityOptions({ ...COHORT_AUTHORITY, children: count * 2 });
  const templates: Template[] = [];
  for (let index = 0; templates.length < count && index < options.children; index++) {
    let envelopes: NewEvent[];
    try {
      const child = generateChild(options, index);
      const id = child.profile.childId;
      envelopes = runJourney(id, child.commands, (n) => syntheticEventId(id, n)).envelopes;
      templates.push({
        childId: id,
        eventIds: envelopes.map((e) => e.id),
        json: envelopes.map((e) => JSON.stringify(e)),
      });
    } catch {
      continue;
    }
    if (templates.length % 500 === 0) onProgress(templates.length);
  }
  return templates;
}
