/**
 * The feed's content id (review s14 F2): what a change log's lines depend on besides the event log,
 * so a consumer can tell a log rebuilt with the same content (its checkpoint carries on) from one
 * rebuilt with other content (it must drop its facts and re-read from 0). The lines depend on the
 * fold's code (FOLD_VERSION, which covers the rules) and the drift thresholds the flags are
 * evaluated with, a council's extra bank holidays among them. Each generation is stamped with the id of the process that made it.
 */
import { createHash } from 'node:crypto';
import { FOLD_VERSION } from '../engine/fold-version';
import type { DriftConfig } from '../rules/drift-config';

/** A generation made before content ids were stamped: its content is not known. */
export const UNKNOWN_FEED_CONTENT = 'unknown';

/** JSON with object keys in order, so equal configurations give equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/**
 * `v<FOLD_VERSION>-<16 hex digits of the thresholds' sha256>`. The drift report's "due soon" window
 * is left out: the feed carries no due-soon lines, so changing it changes no line. A council's extra
 * bank holidays move DR01/DR04 deadlines, so they are in; none is left out, so that a configuration
 * without them keeps the id it had before the setting existed (no rebuild is asked for on upgrade).
 */
export function feedContentId(drift: DriftConfig, foldVersion: number = FOLD_VERSION): string {
  const { dueSoonDays: _notInFeed, extraBankHolidays, ...rest } = drift;
  const thresholds = extraBankHolidays.length > 0 ? { ...rest, extraBankHolidays } : rest;
  const digest = createHash('sha256').update(canonical(thresholds)).digest('hex').slice(0, 16);
  return `v${foldVersion}-${digest}`;
}
