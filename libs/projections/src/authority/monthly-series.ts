/**
 * The monthly series in one pass over the children: each child's spells and deadlines are dropped
 * into the months they touch, instead of asking every child about every month. Same rules and
 * same figures as the per-window measures (measures-row.ts; a spec holds the two equal), at a
 * cost that grows with children + months rather than children × months: ten years of a
 * 5,000-child authority is one pass over about 150,000 child-months.
 */
import { firstDayOfMonthsUpTo } from '../measures/stability';
import type { AuthorityChild, PlacementSpell } from './authority-child';
import type { AuthorityConfig } from './authority-config';
import { versionOn, type CostVersion } from './cost-tables';
import { dayNumber } from './day-numbers';
import { CEASE_ROUTES, ceaseRouteOf, type CeaseRoute } from './measures/care-flows';
import { share } from './measures/measure-window';
import { WEEKS_PER_YEAR, spellCost } from './measures/placement-spend';
import { stillOpen } from './measures/timeliness';
import type { MeasuresRow } from './measures-row';
import type { MonthWindow } from './month-range';
import { PLACEMENT_GROUPS, type PlacementGroup } from './placement-groups';
import { evaluateTargets } from './targets';

const zeros = (n: number): number[] => new Array<number>(n).fill(0);
const perKey = <K extends string>(keys: readonly K[], n: number): Record<K, number[]> =>
  Object.fromEntries(keys.map((key) => [key, zeros(n)])) as Record<K, number[]>;
const pence = (value: number): number => Math.round(value * 100) / 100;

class Tally {
  readonly lookedAfter: number[];
  readonly started: number[];
  readonly ceased: number[];
  readonly ceasedByRoute: Record<CeaseRoute, number[]>;
  readonly mix: Record<PlacementGroup, number[]>;
  readonly weeklyByGroup: Record<PlacementGroup, number[]>;
  readonly placed: number[];
  readonly inArea: number[];
  readonly outOfArea: number[];
  readonly distant: number[];
  readonly distanceUnknown: number[];
  readonly outAndDistant: number[];
  readonly reviewsDue: number[];
  readonly reviewsInTime: number[];
  readonly plansDue: number[];
  readonly plansInTime: number[];
  readonly threePlus: number[];
  readonly weekly: number[];
  readonly uncosted: number[];
  readonly spend: number[];

  constructor(n: number) {
    [this.lookedAfter, this.started, this.ceased, this.placed, this.inArea, this.outOfArea, this.distant] =
      Array.from({ length: 7 }, () => zeros(n));
    [
      this.distanceUnknown,
      this.outAndDistant,
      this.reviewsDue,
      this.reviewsInTime,
      this.plansDue,
      this.plansInTime,
    ] = Array.from({ length: 6 }, () => zeros(n));
    [this.threePlus, this.weekly, this.uncosted, this.spend] = Array.from({ length: 4 }, () => zeros(n));
    this.ceasedByRoute = perKey(CEASE_ROUTES, n);
    this.mix = perKey(PLACEMENT_GROUPS, n);
    this.weeklyByGroup = perKey(PLACEMENT_GROUPS, n);
  }
}

interface MonthFacts {
  windows: readonly MonthWindow[];
  /** Month index of the first window (year × 12 + month − 1). */
  base: number;
  fromDays: number[];
  toDays: number[];
  /** First day of the 12 months up to each month's end (3+ placements). */
  yearFrom: string[];
  costs: (CostVersion | undefined)[];
}

const monthOf = (date: string): number => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

function tallyChild(
  child: AuthorityChild,
  facts: MonthFacts,
  tally: Tally,
  config: AuthorityConfig,
  versions: readonly CostVersion[],
  today?: string,
): void {
  const last = facts.windows.length - 1;
  const at = (date: string): number => monthOf(date) - facts.base;
  let pointer = 0;
  for (const spell of child.care) {
    const start = at(spell.start);
    // Short breaks inside a period are neither a start nor a cease; a period that ends on short
    // breaks ceases when care ends (care-flows.ts).
    if (start >= 0 && start <= last && !spell.resumesAfterShortBreaks) tally.started[start] += 1;
    const end = spell.end === undefined ? undefined : at(spell.end);
    const ceased = spell.cease === undefined ? undefined : at(spell.cease.date);
    if (spell.cease !== undefined && ceased !== undefined && ceased >= 0 && ceased <= last) {
      tally.ceased[ceased] += 1;
      tally.ceasedByRoute[ceaseRouteOf(child, spell.cease)][ceased] += 1;
    }
    // In care at the end of month m when it started by then and ended in a later month.
    const lastInCare = end === undefined ? last : Math.min(last, end - 1);
    for (let m = Math.max(0, start); m <= lastInCare; m++) {
      const to = facts.windows[m].to;
      tally.lookedAfter[m] += 1;
      let runs = 0;
      for (const run of child.runs)
        if (run.start <= to && (run.end === undefined || run.end > facts.yearFrom[m])) runs += 1;
      if (runs >= 3) tally.threePlus[m] += 1;
      while (
        pointer < child.placements.length &&
        child.placements[pointer].end !== undefined &&
        (child.placements[pointer].end as string) <= to
      )
        pointer += 1;
      const placement = child.placements[pointer];
      if (placement && placement.start <= to) tallyPlacement(placement, m, facts, tally, config);
    }
  }
  for (const spell of child.placements) tallySpend(spell, facts, tally, versions);
  tallyChecks(child.reviews, facts, tally.reviewsDue, tally.reviewsInTime, today);
  tallyChecks(child.plans, facts, tally.plansDue, tally.plansInTime, today);
}

function tallyPlacement(
  spell: PlacementSpell,
  m: number,
  facts: MonthFacts,
  tally: Tally,
  config: AuthorityConfig,
): void {
  tally.placed[m] += 1;
  tally.mix[spell.group][m] += 1;
  if (spell.inArea === true) tally.inArea[m] += 1;
  else if (spell.inArea === false) tally.outOfArea[m] += 1;
  const distant = spell.distanceMiles !== undefined && spell.distanceMiles > config.distanceMiles;
  if (spell.distanceMiles === undefined) tally.distanceUnknown[m] += 1;
  if (distant) tally.distant[m] += 1;
  if (distant && spell.inArea === false) tally.outAndDistant[m] += 1;
  const weekly = facts.costs[m]?.weekly(spell.group, spell.providerKind);
  if (weekly === undefined) tally.uncosted[m] += 1;
  else {
    tally.weekly[m] += weekly;
    tally.weeklyByGroup[spell.group][m] += weekly;
  }
}

function tallySpend(
  spell: PlacementSpell,
  facts: MonthFacts,
  tally: Tally,
  versions: readonly CostVersion[],
): void {
  const last = facts.windows.length - 1;
  const first = Math.max(0, monthOf(spell.start) - facts.base);
  const final = spell.end === undefined ? last : Math.min(last, monthOf(spell.end) - facts.base);
  for (let m = first; m <= final; m++)
    tally.spend[m] += spellCost(spell, facts.fromDays[m], facts.toDays[m] + 1, versions);
}

function tallyChecks(
  checks: AuthorityChild['reviews'],
  facts: MonthFacts,
  due: number[],
  inTime: number[],
  today?: string,
): void {
  for (const check of checks) {
    const m = monthOf(check.dueDate) - facts.base;
    if (m < 0 || m >= facts.windows.length) continue;
    if (stillOpen(check, today)) continue;
    due[m] += 1;
    if (check.inTime) inTime[m] += 1;
  }
}

function rowOf(m: number, facts: MonthFacts, t: Tally, config: AuthorityConfig): MeasuresRow {
  const { month, from, to } = facts.windows[m];
  const population = config.childPopulation;
  const known = t.inArea[m] + t.outOfArea[m];
  const row: Omit<MeasuresRow, 'targets'> = {
    month,
    from,
    to,
    lookedAfter: {
      date: to,
      count: t.lookedAfter[m],
      ratePer10000: population ? Math.round((t.lookedAfter[m] / population) * 100_000) / 10 : null,
    },
    flows: {
      started: t.started[m],
      ceased: t.ceased[m],
      ceasedByRoute: Object.fromEntries(CEASE_ROUTES.map((r) => [r, t.ceasedByRoute[r][m]])) as Record<
        CeaseRoute,
        number
      >,
    },
    placementMix: {
      date: to,
      total: t.placed[m],
      groups: Object.fromEntries(
        PLACEMENT_GROUPS.map((g) => [g, { count: t.mix[g][m], percentage: share(t.mix[g][m], t.placed[m]) }]),
      ) as MeasuresRow['placementMix']['groups'],
    },
    location: {
      date: to,
      total: t.placed[m],
      inArea: t.inArea[m],
      outOfArea: t.outOfArea[m],
      areaUnknown: t.placed[m] - known,
      outOfAreaPercentage: share(t.outOfArea[m], known),
      moreThanDistance: t.distant[m],
      distanceUnknown: t.distanceUnknown[m],
      outOfAreaAndMoreThanDistance: t.outAndDistant[m],
      distanceMiles: config.distanceMiles,
    },
    reviewsInTime: {
      due: t.reviewsDue[m],
      inTime: t.reviewsInTime[m],
      percentage: share(t.reviewsInTime[m], t.reviewsDue[m]),
    },
    planBySecondReview: {
      due: t.plansDue[m],
      inTime: t.plansInTime[m],
      percentage: share(t.plansInTime[m], t.plansDue[m]),
    },
    threePlusPlacements: {
      date: to,
      numerator: t.threePlus[m],
      denominator: t.lookedAfter[m],
      percentage: share(t.threePlus[m], t.lookedAfter[m]),
    },
    spend: {
      date: to,
      committedWeekly: pence(t.weekly[m]),
      committedAnnual: pence(t.weekly[m] * WEEKS_PER_YEAR),
      committedWeeklyByGroup: Object.fromEntries(
        PLACEMENT_GROUPS.map((g) => [g, t.weeklyByGroup[g][m]]),
      ) as Record<PlacementGroup, number>,
      uncosted: t.uncosted[m],
      periodSpend: pence(t.spend[m]),
    },
  };
  return { ...row, targets: evaluateTargets(row, config.targets) };
}

export function monthlySeries(
  children: readonly AuthorityChild[],
  windows: readonly MonthWindow[],
  config: AuthorityConfig,
  versions: readonly CostVersion[],
  today?: string,
): MeasuresRow[] {
  if (windows.length === 0) return [];
  const toDays = windows.map((w) => dayNumber(w.to));
  const facts: MonthFacts = {
    windows,
    base: monthOf(windows[0].from),
    fromDays: windows.map((w) => dayNumber(w.from)),
    toDays,
    yearFrom: windows.map((w) => firstDayOfMonthsUpTo(w.to, 12)),
    costs: toDays.map((day) => versionOn(versions, day)),
  };
  const tally = new Tally(windows.length);
  for (const child of children) tallyChild(child, facts, tally, config, versions, today);
  return windows.map((_, m) => rowOf(m, facts, tally, config));
}
