import { chainEvents, chainTipAfter } from '@care-journey/audit';
import type { NewEvent } from '@care-journey/event-store';
import { journeyStream } from '@care-journey/journey';
import type { Template } from './templates';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Copy k of a uuid: the last 12 hex digits become k, so copies of different uuids never meet. */
export const copyId = (uuid: string, k: number): string =>
  `${uuid.slice(0, 24)}${k.toString(16).padStart(12, '0')}`;

/**
 * Copy k of a template child, with its own child id and event ids (references between its events,
 * e.g. a correction naming the event it amends, follow), hash-chained from genesis like a seeded
 * journey. Generating every child afresh would take minutes at 1,000,000 events; copies are cheap.
 */
export function cloneChild(
  template: Template,
  k: number,
): { stream: string; childId: string; events: NewEvent[] } {
  const ids = new Map<string, string>([[template.childId, copyId(template.childId, k)]]);
  for (const id of template.eventIds) ids.set(id, copyId(id, k));
  const childId = ids.get(template.childId) as string;
  const events = template.json.map(
    (text) => JSON.parse(text.replace(UUID, (m) => ids.get(m) ?? m)) as NewEvent,
  );
  const stream = journeyStream(childId);
  return { stream, childId, events: chainEvents(chainTipAfter(stream, undefined), events) };
}
