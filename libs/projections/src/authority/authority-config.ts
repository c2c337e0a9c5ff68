/**
 * Settings of the authority-wide measures, with defaults for Cambridgeshire. Every figure here is
 * configuration, not a fact the code relies on: the child population, the boundary, the unit costs
 * and the targets all change from authority to authority and year to year.
 */
import type { CalendarDate } from '@care-journey/journey';
import { DEFAULT_DRIFT_CONFIG, LOCAL_ADOPTION_TARGET_DAYS, type DriftConfig } from '../rules/drift-config';
import { DEFAULT_SCORECARD_THRESHOLDS, type ScorecardThreshold } from '../measures/scorecard-thresholds';
import type { PlacementGroup, ProviderKind } from './placement-groups';

/** A weekly unit cost for a placement group, for one provider kind or for any. */
export interface UnitCost {
  group: PlacementGroup;
  provider: ProviderKind | 'any';
  weekly: number;
}

/**
 * A cost table in force from `from` until the next one starts. Pro-rating rule: a placement costs
 * weekly ÷ 7 for each day it is open (its start day counts, its end day belongs to what follows),
 * at the table in force on that day; a month's spend is the sum over its days, so a table that
 * changes on the 16th charges days 1–15 at the old rate and 16 on at the new one.
 */
export interface CostTable {
  from: CalendarDate;
  costs: UnitCost[];
}

/** A figure of the monthly series and the level it should stay under (ceiling) or reach (floor). */
export interface MeasureTarget {
  id: string;
  label: string;
  /** Path of the figure in a month's row, e.g. "threePlusPlacements.percentage". */
  measure: string;
  kind: 'ceiling' | 'floor';
  value: number;
}

export interface AuthorityConfig {
  /** ONS code of the responsible authority. */
  la: string;
  name: string;
  /** ONS codes of the districts inside the authority's boundary ("in area"). */
  districts: string[];
  /** Children aged 0–17 living in the area, for the rate per 10,000; null leaves the rate out. */
  childPopulation: number | null;
  /** Placements further than this from home count as distant. */
  distanceMiles: number;
  /** Cost tables, oldest first. */
  costTables: CostTable[];
  targets: MeasureTarget[];
  /** Review timings (DR01–DR04) used for "reviews within timescale" and "plan by second review". */
  drift: DriftConfig;
  /**
   * The teams a child may be allocated to (a new allocation must name one of them; allocations
   * stored before, with other names, still fold and show). Compared ignoring case and spacing.
   */
  teams: string[];
  /**
   * Which children a social worker reads and records for: `team`, only those whose current
   * allocation is one of the teams the users file gives them (information governance: personal
   * data only where the role needs it); `authority`, every child (the explicit opt-out).
   * Panel members, auditors, reporting jobs and admins are not scoped.
   */
  socialWorkerScope: SocialWorkerScope;
  /** The adoption scorecard's local A1 ambition and its national threshold bands (rule book: configuration). */
  scorecard: ScorecardSettings;
}

export interface ScorecardSettings {
  /** Local ambition for A1, entry to care to moving in with adopters (rule book: 365 days). */
  localA1TargetDays: number;
  /** A1/A2 thresholds by three-year period, oldest band first, the last open-ended (upToYear null). */
  thresholds: readonly ScorecardThreshold[];
  /**
   * "Entering care" for A1, A3 and A10 when a period of care began on short breaks (V3/V4):
   * `period_start` (default), the period's first day, the DECOM of the 903 episode that opened it
   * (national definitions §2's mapping; the rule book excludes short breaks from stability and drift
   * only); `counted_part`, the day the child became looked after otherwise, as drift and stability count.
   */
  enteredCare: ScorecardEnteredCare;
}

export const SCORECARD_ENTERED_CARE = ['period_start', 'counted_part'] as const;
export type ScorecardEnteredCare = (typeof SCORECARD_ENTERED_CARE)[number];

export const SOCIAL_WORKER_SCOPES = ['team', 'authority'] as const;
export type SocialWorkerScope = (typeof SOCIAL_WORKER_SCOPES)[number];

export const DEFAULT_AUTHORITY_CONFIG: AuthorityConfig = {
  la: 'E10000003',
  name: 'Cambridgeshire',
  // Cambridge, East Cambridgeshire, Fenland, Huntingdonshire, South Cambridgeshire.
  districts: ['E07000008', 'E07000009', 'E07000010', 'E07000011', 'E07000012'],
  // About 140,000 children aged 0–17 (ONS mid-year estimates, rounded): set the current figure locally.
  childPopulation: 140_000,
  distanceMiles: 20,
  costTables: [
    {
      // Cambridgeshire unit costs from the 2011–2015 Placements Strategy (CIPFA benchmarking, 2010).
      from: '1900-01-01',
      costs: [
        { group: 'in_house_fostering', provider: 'any', weekly: 460 },
        { group: 'agency_fostering', provider: 'any', weekly: 838 },
        { group: 'in_house_childrens_home', provider: 'any', weekly: 2278 },
        { group: 'external_childrens_home', provider: 'any', weekly: 3290 },
      ],
    },
  ],
  targets: [
    {
      id: 'three-plus-placements',
      label: 'Children with 3 or more placements in the year (former national ceiling 16%)',
      measure: 'threePlusPlacements.percentage',
      kind: 'ceiling',
      value: 16,
    },
  ],
  drift: DEFAULT_DRIFT_CONFIG,
  // The demo authority's teams (the synthetic seed allocates to these): set the authority's own.
  teams: [
    'Children in Care North',
    'Children in Care South',
    'Children in Care Fenland',
    'Adoption and Permanence',
    'Leaving Care 16+',
  ],
  // Least access by default: an authority that wants every social worker to see every child says so.
  socialWorkerScope: 'team',
  scorecard: {
    localA1TargetDays: LOCAL_ADOPTION_TARGET_DAYS,
    thresholds: DEFAULT_SCORECARD_THRESHOLDS,
    enteredCare: 'period_start',
  },
};
