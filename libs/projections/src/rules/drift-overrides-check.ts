/**
 * Checks drift-threshold overrides (CARE_JOURNEY_DRIFT_THRESHOLDS, an authority file's `drift`)
 * against the defaults' own shape, so a rule added to the defaults is accepted with no change
 * here. Before this, an unknown rule stopped start-up with "Cannot convert undefined or null to
 * object" and a misspelt key or a negative number was taken silently.
 */

/** A threshold override that names no rule, no key of its rule, or no whole number > 0 (or a list where one is taken). */
export class DriftOverrideError extends Error {
  override readonly name = 'DriftOverrideError';
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const show = (value: unknown): string => JSON.stringify(value) ?? String(value);

function wholeNumber(path: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0)
    throw new DriftOverrideError(`${path} must be a whole number > 0, got ${show(value)}`);
}

/** Every key of `overrides` exists in `defaults`, with a value of the same kind. */
function checkAgainst(path: string, overrides: Record<string, unknown>, defaults: object): void {
  const known = Object.keys(defaults);
  const entries = defaults as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    const at = path ? `${path}.${key}` : key;
    if (!known.includes(key)) {
      throw new DriftOverrideError(
        path
          ? `${at} is not a threshold of ${path}; ${known.length ? `it takes ${known.join(', ')}` : 'it takes none'}`
          : `${key} is not a drift rule or setting; known: ${known.join(', ')}`,
      );
    }
    const fallback = entries[key];
    if (Array.isArray(fallback)) {
      // A list (extraBankHolidays): what each item must be is the config's own check.
      if (!Array.isArray(value))
        throw new DriftOverrideError(`${at} must be a list such as ["2026-06-15"], got ${show(value)}`);
    } else if (isPlainObject(fallback)) {
      if (!isPlainObject(value))
        throw new DriftOverrideError(`${at} must be an object such as ${show(fallback)}, got ${show(value)}`);
      checkAgainst(at, value, fallback);
    } else if (typeof fallback === 'string') {
      // A choice (DR01.afterShortBreaks): which values are allowed is the config's own check.
      if (typeof value !== 'string')
        throw new DriftOverrideError(
          `${at} must be a text choice such as ${show(fallback)}, got ${show(value)}`,
        );
    } else if (fallback === null || (value === null && Object.values(entries).includes(null))) {
      // A limit that may be switched off (DR11's months per route: null = no limit).
      if (value !== null) wholeNumber(at, value);
    } else wholeNumber(at, value);
  }
}

/** Throws DriftOverrideError naming the first override that is not a known threshold with a whole number > 0. */
export function checkDriftOverrides(overrides: unknown, defaults: object): void {
  if (!isPlainObject(overrides))
    throw new DriftOverrideError(
      `must be a JSON object such as {"DR07":{"days":365}}, got ${show(overrides)}`,
    );
  checkAgainst('', overrides, defaults);
}
