/**
 * The structural entries of one period of care, in date order: start, legal status changes,
 * placement moves (including temporary ones), adoption steps, missing episodes and the end.
 * Fixed milestones (court orders, adoption steps, the end) are laid down first; placement moves,
 * temporary placements and missing episodes are then drawn in the gaps between them, so no two
 * structural entries share a day unless meant to (an episode cannot start and end on one day).
 * Last, a child in P2 or an H5 without a URN on 28 October 2023 gets that setting's registration
 * (registration-day.ts).
 */
import { ageInYearsOn, type PlacementDetails } from '@care-journey/journey';
import type { ChildProfile } from './child-profile';
import { ADOPTERS, CATEGORY_OF_NEED, REASON_FOR_NEW_CARER } from './code-mixes';
import type { CarePlan } from './care-route';
import { addDays, daysBetween, type CalendarDate } from './dates';
import type { DraftCommand } from './draft';
import { makePlacement } from './placement-factory';
import { withRegistrationDay } from './registration-day';
import { SAME_CARER_CHANGE, choosePlacementType, placementTypeOn } from './placement-choice';
import { temporaryStay } from './temporary-stay';
import type { Random } from './prng';

interface SimState {
  legalStatus: string;
  placement: PlacementDetails;
  /** Once with adopters, or back with parents before going home, the child does not move again. */
  settled: boolean;
  fosterOnly: boolean;
  ended: boolean;
  /** Starts of the T3 stays drawn so far (at most two in any 12 months: 903 rule 377). */
  t3Starts: CalendarDate[];
}

interface Milestone {
  date: CalendarDate;
  make(state: SimState): DraftCommand[];
}

export interface TimelineContext {
  la: string;
  horizon: CalendarDate;
  /** Supported-accommodation URNs, on a stream of their own (placement-factory.ts). */
  urns: Random;
  /** Days on which a long-term fostering plan is matched (permanence-journey.ts). */
  longTermMatches?: readonly CalendarDate[];
}

type Place = (type: string, date: CalendarDate) => PlacementDetails;

const isFoster = (type: string): boolean => /^U[1-6]$/.test(type);

export function buildCareTimeline(
  random: Random,
  child: ChildProfile,
  plan: CarePlan,
  ctx: TimelineContext,
): DraftCommand[] {
  const { childId } = child;
  const entry = plan.entryDate;
  // Exact age, as the domain counts it (its rules on K3, J-codes and E17 use the same function).
  const age = (date: CalendarDate): number => ageInYearsOn(child.dateOfBirth, date);
  const place: Place = (type, date) =>
    makePlacement(type, random, { la: ctx.la, homePostcode: child.homePostcode, date, urns: ctx.urns });
  const adoptionRoute = plan.route === 'adoption' || plan.route === 'relinquished' || plan.adoptionReversed;

  const entryStatus = chooseEntryStatus(random, child, plan);
  const firstChoice = choosePlacementType(random, {
    age: child.ageAtEntry,
    legalStatus: entryStatus,
    uasc: child.uasc,
    fosterOnly: adoptionRoute,
    atEntry: true,
  });
  const firstType = placementTypeOn(firstChoice, entry);
  const state: SimState = {
    legalStatus: entryStatus,
    placement: place(firstType, entry),
    settled: false,
    fosterOnly: adoptionRoute,
    ended: false,
    t3Starts: [],
  };
  const out: DraftCommand[] = [
    {
      type: 'StartPeriodOfCare',
      childId,
      effectiveDate: entry,
      legalStatus: entryStatus,
      categoryOfNeed: child.uasc || child.relinquishedAtBirth ? 'N8' : random.weighted(CATEGORY_OF_NEED),
      placement: state.placement,
      previousPermanence: drawPreviousPermanence(random, child),
    },
  ];

  const milestones = planMilestones(random, child, plan, entryStatus, place, age, ctx.longTermMatches ?? []);
  milestones.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  let cursor = entry;
  for (const milestone of milestones) {
    if (milestone.date > ctx.horizon || state.ended) break;
    out.push(...fillGap(random, child, state, cursor, milestone.date, place, age));
    out.push(...milestone.make(state));
    cursor = milestone.date;
  }
  if (!state.ended) out.push(...fillGap(random, child, state, cursor, addDays(ctx.horizon, 1), place, age));
  return withRegistrationDay(out, ctx);
}

function chooseEntryStatus(random: Random, child: ChildProfile, plan: CarePlan): string {
  if (plan.route === 'remand') return 'J1';
  if (child.uasc || plan.route === 'relinquished') return 'V2';
  if (plan.route === 'adoption' || plan.adoptionReversed) return random.chance(0.15) ? 'L2' : 'C1';
  const a = child.ageAtEntry;
  const mix: readonly (readonly [string, number])[] =
    a < 10
      ? [
          ['C1', 55],
          ['V2', 35],
          ['L2', 10],
        ]
      : a < 16
        ? [
            ['C1', 35],
            ['V2', 60],
            ['L2', 5],
          ]
        : [
            ['V2', 85],
            ['C1', 15],
          ];
  return random.weighted(mix);
}

function drawPreviousPermanence(
  random: Random,
  child: ChildProfile,
): { code: string; la?: string; date?: string } {
  if (child.ageAtEntry >= 2 && !child.uasc && random.chance(0.04)) {
    // An earlier SGO or child arrangements order that broke down; LA numbers are the 903 three-digit codes.
    const date = addDays(child.dateOfBirth, random.int(200, Math.max(201, child.ageAtEntry * 300)));
    return {
      code: random.pick(['P2', 'P3']),
      la: random.pick(['873', '873', '874', '935']),
      // The order ended before care began (903 rule 632).
      date: date < child.entryDate ? date : addDays(child.entryDate, -1),
    };
  }
  // P4 (unknown) would still need the LA and date of the order (903 rule 630): record none instead.
  return { code: 'Z1' };
}

/** Court orders, adoption steps, a return to parents before going home, and the end of care. */
function planMilestones(
  random: Random,
  child: ChildProfile,
  plan: CarePlan,
  entryStatus: string,
  place: Place,
  age: (date: CalendarDate) => number,
  longTermMatches: readonly CalendarDate[],
): Milestone[] {
  const { childId } = child;
  const entry = plan.entryDate;
  let exit = notOn31March(plan.exitDate, entry);
  const list: Milestone[] = [];
  const matches = [...longTermMatches];
  const legal = (date: CalendarDate, legalStatus: string): Milestone => ({
    date,
    make: (s) => {
      if (s.legalStatus === legalStatus) return [];
      s.legalStatus = legalStatus;
      return [{ type: 'ChangeLegalStatus', childId, effectiveDate: date, legalStatus }];
    },
  });
  const step = (date: CalendarDate, draft: DraftCommand, after?: (s: SimState) => void): Milestone => ({
    date,
    make: (s) => {
      after?.(s);
      return [draft];
    },
  });

  let status = entryStatus;
  let cursor = entry;
  if (entryStatus === 'L2') {
    // An emergency protection order lasts at most 21 days (903 rule 362); an interim care order follows.
    cursor = addDays(entry, random.int(3, 14));
    list.push(legal(cursor, 'C1'));
    status = 'C1';
  }

  if (plan.route === 'relinquished') {
    const consent = addDays(child.dateOfBirth, random.int(43, 60));
    const decision = addDays(consent, random.int(0, 21));
    const match = addDays(decision, random.int(10, 70));
    const placed = addDays(match, random.int(3, 25));
    exit = notOn31March(addDays(placed, random.int(75, 220)), entry);
    list.push(step(consent, { type: 'RecordAdoptionConsent', childId, effectiveDate: consent }));
    list.push(step(decision, { type: 'RecordAdoptionDecision', childId, effectiveDate: decision }));
    list.push(step(match, { type: 'RecordMatch', childId, effectiveDate: match }));
    list.push(placeForAdoption(random, childId, placed, 'consent', place));
    list.push(adoptionOrder(random, childId, exit, true));
    return list;
  }

  if (plan.route === 'adoption' || plan.adoptionReversed) {
    const decision = addDays(cursor, random.int(80, 240));
    const order = addDays(decision, random.int(15, 150));
    list.push(step(decision, { type: 'RecordAdoptionDecision', childId, effectiveDate: decision }));
    list.push(
      step(
        order,
        { type: 'GrantPlacementOrder', childId, effectiveDate: order },
        (s) => (s.legalStatus = 'E1'),
      ),
    );
    if (plan.adoptionReversed) {
      const reversed = addDays(order, random.int(90, 300));
      list.push(
        step(
          reversed,
          {
            type: 'ReverseAdoptionDecision',
            childId,
            effectiveDate: reversed,
            reason: random.pick(['RD1', 'RD3', 'RD4'] as const),
          },
          (s) => {
            s.fosterOnly = false;
          },
        ),
      );
      // The placement order is revoked and replaced by a care order.
      // Same day as the reversal, so the return never shows E1 without a live decision (903 rule 553).
      const careOrder = reversed;
      list.push(legal(careOrder, 'C2'));
      // The carers the child stays with are confirmed as long-term carers, mostly within months.
      matches.push(addDays(reversed, random.chance(0.88) ? random.int(20, 150) : random.int(200, 400)));
      if (exit <= addDays(careOrder, 60)) exit = notOn31March(addDays(careOrder, random.int(60, 400)), entry);
    } else {
      // Scorecard A2: most matches within 121 days of the placement order, some well beyond.
      const match = addDays(order, random.chance(0.7) ? random.int(20, 121) : random.int(122, 330));
      const placed = addDays(match, random.int(5, 40));
      exit = notOn31March(addDays(placed, random.int(70, 300)), entry);
      list.push(step(match, { type: 'RecordMatch', childId, effectiveDate: match }));
      list.push(placeForAdoption(random, childId, placed, 'order', place));
      list.push(adoptionOrder(random, childId, exit, false));
      return list;
    }
  } else if (status === 'C1') {
    const full = addDays(cursor, random.int(90, 300));
    if (full < addDays(exit, -2)) list.push(legal(full, 'C2'));
    status = 'C2';
  } else if (
    status === 'V2' &&
    !child.uasc &&
    child.ageAtEntry < 15 &&
    daysBetween(entry, exit) > 250 &&
    random.chance(0.25)
  ) {
    // Accommodated by agreement, then care proceedings.
    const interim = addDays(entry, random.int(30, 150));
    const full = addDays(interim, random.int(90, 250));
    list.push(legal(interim, 'C1'));
    if (full < addDays(exit, -2)) list.push(legal(full, 'C2'));
    status = 'C2';
  }

  if (
    plan.route === 'home_planned' &&
    status === 'C2' &&
    daysBetween(entry, exit) > 400 &&
    random.chance(0.35)
  ) {
    // Placement with parents under the care order before the order is discharged.
    const home = addDays(exit, -random.int(60, 180));
    list.push({
      date: home,
      make: (s) => {
        if (s.legalStatus === 'V2' || s.settled) return [];
        s.placement = place('P1', home);
        s.settled = true;
        return [
          {
            type: 'ChangePlacement',
            childId,
            effectiveDate: home,
            placement: s.placement,
            reasonForChange: 'CARPL',
            sameCarer: false,
          },
        ];
      },
    });
  }

  for (const date of onDaysOfTheirOwn(matches, list))
    list.push(longTermMatch(random, childId, date, place, age));
  // Nothing else on the last day of care or the day before: every episode lasts at least a day.
  const kept = list.filter((m) => m.date < addDays(exit, -1));
  kept.push({ date: exit, make: (s) => endOfCare(random, childId, plan, s, age(exit), exit) });
  return kept;
}

/** Days for `dates` at least two days from every other milestone and each other (moved on as needed). */
function onDaysOfTheirOwn(dates: readonly CalendarDate[], others: readonly Milestone[]): CalendarDate[] {
  const taken = new Set(others.map((m) => m.date));
  const near = (date: CalendarDate): boolean =>
    taken.has(date) || taken.has(addDays(date, -1)) || taken.has(addDays(date, 1));
  return dates.map((wanted) => {
    let date = wanted;
    while (near(date)) date = addDays(date, 2);
    taken.add(date);
    return date;
  });
}

/**
 * A long-term fostering plan matched: short-term foster carers confirmed as the child's long-term
 * carers (same carer, 903 reason PLACE), or for a younger child in a home or school, most often a
 * planned move to long-term foster carers. Nothing for a child placed with parents or for adoption.
 */
function longTermMatch(
  random: Random,
  childId: string,
  date: CalendarDate,
  place: Place,
  age: (date: CalendarDate) => number,
): Milestone {
  return {
    date,
    make: (s) => {
      if (s.settled || s.ended || s.fosterOnly) return [];
      const type = s.placement.placementType;
      const longTerm = SAME_CARER_CHANGE[type];
      if (longTerm && age(date) < 17) {
        s.placement = { ...s.placement, placementType: longTerm };
        return [
          {
            type: 'ChangePlacement',
            childId,
            effectiveDate: date,
            placement: s.placement,
            reasonForChange: 'PLACE',
            sameCarer: true,
          },
        ];
      }
      if (isFoster(type) || /^[PAT]/.test(type) || age(date) >= 16 || !random.chance(0.6)) return [];
      s.placement = place('U4', date);
      return [
        {
          type: 'ChangePlacement',
          childId,
          effectiveDate: date,
          placement: s.placement,
          reasonForChange: 'CARPL',
          sameCarer: false,
        },
      ];
    },
  };
}

function placeForAdoption(
  random: Random,
  childId: string,
  date: CalendarDate,
  authority: 'consent' | 'order',
  place: Place,
): Milestone {
  return {
    date,
    make: (s) => {
      // With the current foster carer when they are approved adopters (FFA) or chose to adopt.
      const withCarer =
        isFoster(s.placement.placementType) && (s.placement.placementType === 'U5' || random.chance(0.2));
      const type = authority === 'consent' ? (withCarer ? 'A3' : 'A4') : withCarer ? 'A5' : 'A6';
      const fresh = place(type, date);
      const placement: PlacementDetails = withCarer
        ? {
            ...s.placement,
            placementType: type,
            provider: fresh.provider === 'PR2' ? s.placement.provider : fresh.provider,
          }
        : fresh;
      s.placement = placement;
      s.settled = true;
      return [{ type: 'PlaceForAdoption', childId, effectiveDate: date, placement, sameCarer: withCarer }];
    },
  };
}

function adoptionOrder(random: Random, childId: string, date: CalendarDate, unopposed: boolean): Milestone {
  return {
    date,
    make: (s) => {
      s.ended = true;
      const adopters = random.weighted(ADOPTERS);
      return [
        {
          type: 'GrantAdoptionOrder',
          childId,
          effectiveDate: date,
          adoptedByFosterCarer: s.placement.placementType === 'A3' || s.placement.placementType === 'A5',
          ...adopters,
          // E11 58%, E12 42% nationally (2025).
          application: unopposed || random.chance(0.58) ? 'unopposed' : 'consent_dispensed',
        },
      ];
    },
  };
}

function endOfCare(
  random: Random,
  childId: string,
  plan: CarePlan,
  s: SimState,
  ageAtExit: number,
  date: CalendarDate,
): DraftCommand[] {
  s.ended = true;
  const type = s.placement.placementType;
  const reason = (() => {
    switch (plan.route) {
      case 'remand':
        return random.chance(0.75) ? 'E14' : 'E9';
      case 'home_planned':
        return 'E4A';
      case 'home_unplanned':
        return 'E4B';
      case 'relatives':
        return 'E13';
      case 'cao':
        return 'E41';
      case 'sgo':
        // To the foster carers themselves (E45 relatives, E46 others), else to other carers (E47/E48).
        if (isFoster(type) && random.chance(0.6)) return /^U[123]$/.test(type) ? 'E45' : 'E46';
        return random.chance(0.9) ? 'E47' : 'E48';
      case 'transfer':
        return 'E3';
      case 'abroad':
        return 'E16';
      case 'custody':
        return 'E9';
      case 'adult_care':
        return 'E7';
      case 'independent':
        return random.chance(0.6) ? 'E5' : 'E6';
      case 'age_assessment':
        return 'E15';
      case 'died':
        return 'E2';
      case 'to_18':
        // Leaving the day before an 18th birthday on 31 March (see notOn31March), or at the end of a
        // demo's history (leaving-by-18.ts): not yet 18, so not E17. Never E8: "never just for
        // turning 18" (national-definitions.md §1.3; only if still missing at 18, which is not drawn).
        // (A weighted draw takes one random number whatever the table, so the rest stays the same.)
        if (ageAtExit < 18)
          return random.weighted([
            ['E5', 50],
            ['E6', 40],
          ]);
        if (isFoster(type) && random.chance(0.7)) return 'E17';
        return random.weighted([
          ['E5', 45],
          ['E6', 35],
          ['E17', isFoster(type) ? 10 : 0],
        ]);
      default:
        return ageAtExit >= 16 ? 'E8' : 'E4A';
    }
  })();
  return [{ type: 'EndPeriodOfCare', childId, effectiveDate: date, reason }];
}

/**
 * A reason for a move to a new carer. CUSTOD (admitted to custody) only for a child 10 or over when
 * the episode the move ends began (903 rule 234); that episode began at the last move (`since`) or
 * later. Drawn as before either way, so the rest of the journey is unchanged.
 */
function reasonForNewCarer(random: Random, dateOfBirth: CalendarDate, since: CalendarDate): string {
  const reason = random.weighted(REASON_FOR_NEW_CARER);
  return reason === 'CUSTOD' && ageInYearsOn(dateOfBirth, since) < 10 ? 'OTHER' : reason;
}

/**
 * Placement moves, temporary placements and missing episodes strictly between `from` and `until`
 * (both exclusive, with a day's margin), given the state at `from`.
 */
function fillGap(
  random: Random,
  child: ChildProfile,
  s: SimState,
  from: CalendarDate,
  until: CalendarDate,
  place: Place,
  age: (date: CalendarDate) => number,
): DraftCommand[] {
  const { childId } = child;
  const out: DraftCommand[] = [];
  const last = addDays(until, -2);
  let cursor = from;
  const meanGap = child.ageAtEntry < 10 ? 520 : child.ageAtEntry < 16 ? 330 : 300;
  // An emergency placement is often followed within weeks by a planned one.
  let next =
    from === child.entryDate && random.chance(0.3)
      ? addDays(from, random.int(3, 45))
      : addDays(from, expGap(random, meanGap));
  while (next <= last && !s.settled) {
    const a = age(next);
    const roll = random.next();
    if (roll < 0.06 && isFoster(s.placement.placementType) && daysBetween(next, until) > 45) {
      out.push(...temporaryStay(random, childId, next, s.t3Starts));
      next = addDays(next, 45);
    } else if (roll < 0.14 && child.ageAtEntry >= 11 && !s.fosterOnly && daysBetween(next, until) > 12) {
      const end = addDays(next, random.int(0, 4));
      out.push({
        type: 'StartMissingEpisode',
        childId,
        effectiveDate: next,
        kind: random.chance(0.7) ? 'M' : 'A',
      });
      out.push({ type: 'EndMissingEpisode', childId, effectiveDate: backBy31March(next, end) });
      // From the end as drawn, so the rest of the child's journey is the same either way.
      next = addDays(end, 2);
    } else if (roll < 0.36 && SAME_CARER_CHANGE[s.placement.placementType] && a < 17) {
      s.placement = { ...s.placement, placementType: SAME_CARER_CHANGE[s.placement.placementType] };
      out.push({
        type: 'ChangePlacement',
        childId,
        effectiveDate: next,
        placement: s.placement,
        reasonForChange: 'PLACE',
        sameCarer: true,
      });
    } else {
      const choice = choosePlacementType(random, {
        age: a,
        legalStatus: s.legalStatus,
        uasc: child.uasc,
        fosterOnly: s.fosterOnly,
        atEntry: false,
      });
      const type = placementTypeOn(choice, next);
      s.placement = place(type, next);
      if (type === 'P1') s.settled = true;
      out.push({
        type: 'ChangePlacement',
        childId,
        effectiveDate: next,
        placement: s.placement,
        reasonForChange: reasonForNewCarer(random, child.dateOfBirth, cursor),
        sameCarer: false,
      });
    }
    cursor = next;
    next = addDays(cursor, Math.max(2, expGap(random, meanGap)));
  }
  return out;
}

/**
 * The DfE validator counts a child who leaves on 31 March as looked after all year (OC2), which then
 * clashes with leaver tables; real leaving dates that day are rare, so the generator avoids them:
 * the day before, or the day after when the day before is the first day of care (care that starts
 * on 30 March for a day), since an episode cannot start and end on one day. The day after is never
 * past the 18th birthday: nobody enters care within 40 days of it (child-profile.ts).
 */
const notOn31March = (date: CalendarDate, entry: CalendarDate): CalendarDate => {
  if (!date.endsWith('-03-31')) return date;
  const before = addDays(date, -1);
  return before > entry ? before : addDays(date, 1);
};

/**
 * A missing episode still open on 31 March has a blank MIS_END in that year's return, as the 903
 * guidance asks, but the DfE validator (2023/24 and 2024/25) then reports 575 and 577: its rule 365
 * writes 31 March into the blank DECs of the Episodes table the later rules share, so the child's
 * placement looks ended while they are still missing. The generator has such an episode end on
 * 31 March instead (back that day), so the returns it gives an authority pass. A missing episode
 * open at the end of the history cannot happen: fillGap keeps them 12 days clear of it.
 */
const backBy31March = (start: CalendarDate, end: CalendarDate): CalendarDate => {
  const yearEnd = `${start.slice(0, 4)}-03-31`;
  return start <= yearEnd && end > yearEnd ? yearEnd : end;
};

const expGap = (random: Random, mean: number): number =>
  Math.max(2, Math.round(-Math.log(1 - random.next()) * mean));
