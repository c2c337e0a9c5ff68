/**
 * Authority settings from JSON (an environment variable or a file): every field optional, each
 * checked, and a bad one rejected with its name and the rule, leaving the defaults untouched.
 */
import { isValidCalendarDate } from '@care-journey/journey';
import { driftConfig, type DriftConfigOverrides } from '../rules/drift-config';
import {
  DEFAULT_AUTHORITY_CONFIG,
  type AuthorityConfig,
  type CostTable,
  type MeasureTarget,
  type ScorecardEnteredCare,
  type ScorecardSettings,
  SCORECARD_ENTERED_CARE,
  SOCIAL_WORKER_SCOPES,
  type SocialWorkerScope,
} from './authority-config';
import type { ScorecardThreshold } from '../measures/scorecard-thresholds';
import { figurePaths, isFigurePath } from './figure-paths';
import { isOnsCode } from './ons-code';
import { isPlacementGroup, PROVIDER_KINDS } from './placement-groups';
import { teamKey } from '../rules/team-key';

export class AuthorityConfigError extends Error {
  override readonly name = 'AuthorityConfigError';
  constructor(
    readonly field: string,
    rule: string,
  ) {
    super(`${field}: ${rule}`);
  }
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '')
    throw new AuthorityConfigError(field, 'must be a non-empty string');
  return value;
}

/** An ONS area code (E10000003): a misspelt one would match no child's area and no return. */
function onsCode(value: unknown, field: string): string {
  if (!isOnsCode(value))
    throw new AuthorityConfigError(field, 'must be an ONS code: E, W, S or N then 8 digits, like E10000003');
  return value;
}

/**
 * A field the settings do not take is refused, naming it and those taken there: a misspelt one
 * (`childPopulaton`) would otherwise leave the default in force with no sign.
 */
function onlyKnownFields(value: Json, known: readonly string[], field: string | undefined): void {
  const unknown = Object.keys(value).filter((key) => !known.includes(key));
  if (unknown.length === 0) return;
  const named = unknown.map((key) => (field ? `${field}.${key}` : key)).join(', ');
  const where = field ?? 'the authority settings';
  throw new AuthorityConfigError(
    named,
    `${unknown.length === 1 ? 'is not a field' : 'are not fields'} of ${where}; it takes ${[...known].sort().join(', ')}`,
  );
}

/**
 * The top-level fields, as AuthorityConfig has them: a record over its keys, so a field added to
 * AuthorityConfig and not here fails to compile instead of being refused at start-up.
 */
const AUTHORITY_FIELD_SET: Record<keyof AuthorityConfig, true> = {
  la: true,
  name: true,
  districts: true,
  childPopulation: true,
  distanceMiles: true,
  costTables: true,
  targets: true,
  drift: true,
  teams: true,
  socialWorkerScope: true,
  scorecard: true,
};
const AUTHORITY_FIELDS = Object.keys(AUTHORITY_FIELD_SET) as (keyof AuthorityConfig)[];

function positive(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0)
    throw new AuthorityConfigError(field, 'must be a number > 0');
  return value;
}

function costTable(value: unknown, field: string): CostTable {
  if (!isObject(value) || !Array.isArray(value.costs))
    throw new AuthorityConfigError(field, 'must be { from, costs: [...] }');
  onlyKnownFields(value, ['from', 'costs'], field);
  if (!isValidCalendarDate(value.from))
    throw new AuthorityConfigError(`${field}.from`, 'must be a date (YYYY-MM-DD)');
  const costs = value.costs.map((cost: unknown, i) => {
    const at = `${field}.costs[${i}]`;
    if (!isObject(cost) || !isPlacementGroup(cost.group))
      throw new AuthorityConfigError(`${at}.group`, 'must be a placement group');
    onlyKnownFields(cost, ['group', 'provider', 'weekly'], at);
    const provider = cost.provider ?? 'any';
    if (provider !== 'any' && !(PROVIDER_KINDS as readonly unknown[]).includes(provider))
      throw new AuthorityConfigError(`${at}.provider`, 'must be in_house, external or any');
    return {
      group: cost.group,
      provider: provider as CostTable['costs'][number]['provider'],
      weekly: positive(cost.weekly, `${at}.weekly`),
    };
  });
  return { from: value.from, costs };
}

function target(value: unknown, field: string): MeasureTarget {
  if (!isObject(value)) throw new AuthorityConfigError(field, 'must be an object');
  onlyKnownFields(value, ['id', 'label', 'measure', 'kind', 'value'], field);
  if (value.kind !== 'ceiling' && value.kind !== 'floor')
    throw new AuthorityConfigError(`${field}.kind`, 'must be ceiling or floor');
  if (typeof value.value !== 'number' || !Number.isFinite(value.value))
    throw new AuthorityConfigError(`${field}.value`, 'must be a number');
  const measure = text(value.measure, `${field}.measure`);
  if (!isFigurePath(measure))
    throw new AuthorityConfigError(
      `${field}.measure`,
      `${measure} is not a figure of a month's measures; it must be one of ${figurePaths().join(', ')}`,
    );
  return {
    id: text(value.id, `${field}.id`),
    label: text(value.label, `${field}.label`),
    measure,
    kind: value.kind,
    value: value.value,
  };
}

function list<T>(value: unknown, field: string, item: (v: unknown, f: string) => T): T[] {
  if (!Array.isArray(value)) throw new AuthorityConfigError(field, 'must be a list');
  return value.map((v, i) => item(v, `${field}[${i}]`));
}

/** At least one team, no two the same when case and spacing are ignored (they would split a caseload). */
function teams(value: unknown): string[] {
  const names = list(value, 'teams', text).map((name) => name.trim().replace(/\s+/g, ' '));
  if (names.length === 0) throw new AuthorityConfigError('teams', 'must name at least one team');
  const twice = names.find((name, i) => names.findIndex((other) => teamKey(other) === teamKey(name)) !== i);
  if (twice !== undefined)
    throw new AuthorityConfigError(
      'teams',
      `must not name a team twice (ignoring case and spacing): ${twice}`,
    );
  return names;
}

function socialWorkerScope(value: unknown): SocialWorkerScope {
  if (!(SOCIAL_WORKER_SCOPES as readonly unknown[]).includes(value))
    throw new AuthorityConfigError(
      'socialWorkerScope',
      `must be "team" (a social worker sees their teams' children) or "authority" (every child), not ${JSON.stringify(value)}`,
    );
  return value as SocialWorkerScope;
}

function wholeDays(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0)
    throw new AuthorityConfigError(field, 'must be a whole number of days > 0');
  return value;
}

function thresholdBand(value: unknown, field: string): ScorecardThreshold {
  if (!isObject(value)) throw new AuthorityConfigError(field, 'must be { upToYear, period, a1Days, a2Days }');
  onlyKnownFields(value, ['upToYear', 'period', 'a1Days', 'a2Days', 'note'], field);
  const { upToYear } = value;
  if (upToYear !== null && (typeof upToYear !== 'number' || !Number.isInteger(upToYear) || upToYear < 2000))
    throw new AuthorityConfigError(
      `${field}.upToYear`,
      'must be a year (the last 31 March the band covers) or null',
    );
  return {
    upToYear,
    period: text(value.period, `${field}.period`),
    a1Days: wholeDays(value.a1Days, `${field}.a1Days`),
    a2Days: wholeDays(value.a2Days, `${field}.a2Days`),
    ...(value.note !== undefined && { note: text(value.note, `${field}.note`) }),
  };
}

/** Bands oldest first, each year once, the last open-ended: every period then has exactly one band. */
function thresholdBands(value: unknown): ScorecardThreshold[] {
  const bands = list(value, 'scorecard.thresholds', thresholdBand);
  const last = bands[bands.length - 1];
  if (!last || last.upToYear !== null)
    throw new AuthorityConfigError(
      'scorecard.thresholds',
      'must end with a band of upToYear null (every later period)',
    );
  const years = bands.slice(0, -1).map((band) => band.upToYear);
  if (years.some((year, i) => year === null || (i > 0 && year <= years[i - 1]!)))
    throw new AuthorityConfigError(
      'scorecard.thresholds',
      'must be in order of upToYear, oldest first, no year twice, null only on the last band',
    );
  return bands;
}

function scorecardSettings(value: unknown, base: ScorecardSettings): ScorecardSettings {
  if (!isObject(value))
    throw new AuthorityConfigError('scorecard', 'must be { localA1TargetDays, thresholds, enteredCare }');
  onlyKnownFields(value, ['localA1TargetDays', 'thresholds', 'enteredCare'], 'scorecard');
  const { enteredCare } = value;
  if (enteredCare !== undefined && !(SCORECARD_ENTERED_CARE as readonly unknown[]).includes(enteredCare))
    throw new AuthorityConfigError(
      'scorecard.enteredCare',
      `must be one of ${SCORECARD_ENTERED_CARE.map((v) => JSON.stringify(v)).join(', ')}`,
    );
  return {
    localA1TargetDays:
      value.localA1TargetDays === undefined
        ? base.localA1TargetDays
        : wholeDays(value.localA1TargetDays, 'scorecard.localA1TargetDays'),
    thresholds: value.thresholds === undefined ? base.thresholds : thresholdBands(value.thresholds),
    enteredCare: (enteredCare as ScorecardEnteredCare | undefined) ?? base.enteredCare,
  };
}

/** Defaults with the given overrides laid over them; throws AuthorityConfigError on a bad field. */
export function authorityConfig(
  overrides: unknown = {},
  base: AuthorityConfig = DEFAULT_AUTHORITY_CONFIG,
): AuthorityConfig {
  if (!isObject(overrides)) throw new AuthorityConfigError('authority settings', 'must be a JSON object');
  const o = overrides;
  onlyKnownFields(o, AUTHORITY_FIELDS, undefined);
  const config: AuthorityConfig = { ...base };
  if (o.la !== undefined) config.la = onsCode(o.la, 'la');
  if (o.name !== undefined) config.name = text(o.name, 'name');
  if (o.districts !== undefined) config.districts = list(o.districts, 'districts', onsCode);
  if (o.childPopulation !== undefined)
    config.childPopulation =
      o.childPopulation === null ? null : positive(o.childPopulation, 'childPopulation');
  if (o.distanceMiles !== undefined) config.distanceMiles = positive(o.distanceMiles, 'distanceMiles');
  if (o.costTables !== undefined) {
    config.costTables = list(o.costTables, 'costTables', costTable);
    const froms = config.costTables.map((t) => t.from);
    if (froms.some((from, i) => i > 0 && from <= froms[i - 1]))
      throw new AuthorityConfigError(
        'costTables',
        'must be in order of their from dates, oldest first, no two on one date',
      );
  }
  if (o.targets !== undefined) config.targets = list(o.targets, 'targets', target);
  if (o.teams !== undefined) config.teams = teams(o.teams);
  if (o.socialWorkerScope !== undefined) config.socialWorkerScope = socialWorkerScope(o.socialWorkerScope);
  if (o.scorecard !== undefined) config.scorecard = scorecardSettings(o.scorecard, base.scorecard);
  if (o.drift !== undefined) {
    if (!isObject(o.drift))
      throw new AuthorityConfigError('drift', 'must be an object of drift threshold overrides');
    config.drift = driftConfig(o.drift as DriftConfigOverrides);
  }
  return config;
}
