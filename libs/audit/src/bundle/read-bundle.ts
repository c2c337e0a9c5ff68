import { bigintFromJson, type RecordedEvent } from '../store';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from './bundle-format';

/** A bundle's events parsed back, or the first reason the file is not a bundle at all. */
export type ReadBundleResult =
  { events: RecordedEvent[]; childId: string; streamId: string } | { problem: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Checks the bundle's shape field by field, so a damaged file is named precisely rather than crashing the verifier. */
export function readBundle(bundle: unknown): ReadBundleResult {
  if (!isObject(bundle)) return { problem: 'the bundle is not a JSON object' };
  if (bundle['format'] !== BUNDLE_FORMAT) return { problem: `format must be "${BUNDLE_FORMAT}"` };
  if (bundle['version'] !== BUNDLE_VERSION) return { problem: `version must be ${BUNDLE_VERSION}` };
  for (const field of ['childId', 'streamId', 'exportedAt', 'exportedBy']) {
    if (typeof bundle[field] !== 'string') return { problem: `${field} must be a string` };
  }
  if (!Array.isArray(bundle['events'])) return { problem: 'events must be an array' };
  const events: RecordedEvent[] = [];
  for (const [index, raw] of bundle['events'].entries()) {
    const parsed = readEvent(raw, `events[${index}]`);
    if ('problem' in parsed) return parsed;
    events.push(parsed);
  }
  return { events, childId: bundle['childId'] as string, streamId: bundle['streamId'] as string };
}

function readEvent(raw: unknown, path: string): RecordedEvent | { problem: string } {
  if (!isObject(raw)) return { problem: `${path} is not an object` };
  for (const field of ['id', 'streamId', 'type']) {
    if (typeof raw[field] !== 'string') return { problem: `${path}.${field} must be a string` };
  }
  for (const field of ['data', 'metadata']) {
    if (!isObject(raw[field])) return { problem: `${path}.${field} must be an object` };
  }
  try {
    return {
      id: raw['id'] as string,
      streamId: raw['streamId'] as string,
      type: raw['type'] as string,
      data: raw['data'] as Record<string, unknown>,
      metadata: raw['metadata'] as RecordedEvent['metadata'],
      revision: bigintFromJson(raw['revision'], `${path}.revision`),
      globalPosition: bigintFromJson(raw['globalPosition'], `${path}.globalPosition`),
    };
  } catch (error) {
    return { problem: (error as Error).message };
  }
}
