/** One synthetic child: profile, period of care, care planning, recording times, corrections, all checked by decide. */
import type { JourneyCommand } from '@care-journey/journey';
import { nameBasedUuid } from '@care-journey/registrations';
import type { AuthorityOptions } from './authority-options';
import { buildGoingHomeAudits, buildReviews } from './care-planning-timeline';
import { drawCarePlan } from './care-route';
import { buildCareTimeline } from './care-timeline';
import { drawChildProfile, type ChildProfile } from './child-profile';
import { leavesBy18WithinHistory } from './leaving-by-18';
import { drawCorrections } from './corrections';
import { addDays, addYears, maxOf } from './dates';
import type { DraftCommand, PlannedEntry } from './draft';
import { runJourney } from './journey-runner';
import { afterAdoptionReversed, drawPermanenceJourney, type PermanenceJourney } from './permanence-journey';
import { buildOutcomes, recordedAfterLeavingCare } from './outcomes-timeline';
import { seededRandom } from './prng';
import { withoutRepeatedEntries } from './no-repeated-entries';
import { assignRecordingTimes } from './recording-times';
import { SYNTHETIC_TEAMS } from './teams';

export interface SyntheticChild {
  profile: ChildProfile;
  commands: JourneyCommand[];
}

export const syntheticChildId = (seed: string, index: number): string =>
  nameBasedUuid(`synthetic/${seed}/child/${index}`);
/** The n-th event of a child's stream: the same on every run, so re-seeding is an idempotent retry. */
export const syntheticEventId = (childId: string, ordinal: number): string =>
  nameBasedUuid(`journey/${childId}/event/${ordinal}`);

export function generateChild(options: AuthorityOptions, index: number): SyntheticChild {
  const random = seededRandom(options.seed, `child/${index}`);
  const childId = syntheticChildId(options.seed, index);
  const horizon = options.yearEnding;
  const profile = drawChildProfile(random, index, childId, {
    from: addDays(addYears(horizon, -options.years), 1),
    to: addDays(horizon, -3),
    la: options.la,
  });
  const plan = leavesBy18WithinHistory(
    drawCarePlan(random, profile),
    profile.dateOfBirth,
    horizon,
    options.recordedUntil,
  );
  const team = random.pick(SYNTHETIC_TEAMS);
  // Drawn even when the team's social worker is given, so the rest of the child is the same.
  const drawnSocialWorker = `sw-${String(random.int(1, 120)).padStart(3, '0')}`;
  const socialWorker = options.socialWorkerOfTeam?.[team] ?? drawnSocialWorker;

  // Reviews and the permanence plan on a stream of their own, drawn before the placements: a
  // long-term fostering plan's match is a placement change. Reviews past the end of care are dropped.
  const planningRandom = seededRandom(options.seed, `child/${index}/planning`);
  const allReviews = buildReviews(planningRandom, profile, profile.entryDate, horizon);
  const reviewDates = allReviews.map((r) => r.effectiveDate);
  const permanence = drawPermanenceJourney(planningRandom, plan, profile, reviewDates, plan.exitDate);
  const care = buildCareTimeline(random, profile, plan, {
    la: options.la,
    horizon,
    urns: seededRandom(options.seed, `child/${index}/urns`),
    longTermMatches: permanence.longTermMatches,
  });
  const end = care.find((d) => d.type === 'EndPeriodOfCare' || d.type === 'GrantAdoptionOrder');
  const lastDay = end ? addDays(end.effectiveDate, -1) : horizon;
  const entryStatus = care[0].type === 'StartPeriodOfCare' ? care[0].legalStatus : 'V2';
  const reversal = care.find((d) => d.type === 'ReverseAdoptionDecision')?.effectiveDate;
  const afterReversal =
    reversal === undefined
      ? undefined
      : afterAdoptionReversed(planningRandom, reversal, reviewDates, end ? end.effectiveDate : plan.exitDate);
  const reviews = allReviews.filter((r) => r.effectiveDate <= lastDay);
  const planning: DraftCommand[] = withoutRepeatedEntries([
    ...reviews,
    ...planDrafts(profile.childId, permanence, lastDay),
    ...(afterReversal ? planDrafts(profile.childId, afterReversal, lastDay) : []),
    ...buildGoingHomeAudits(random, profile, entryStatus, profile.entryDate, lastDay),
  ]);
  const known = maxOf(profile.dateOfBirth, addDays(profile.entryDate, -random.int(0, 90)));
  const registration: DraftCommand = {
    type: 'RegisterChild',
    childId,
    effectiveDate: known,
    childRef: profile.childRef,
    name: profile.name,
    dateOfBirth: profile.dateOfBirth,
    sex: profile.sex,
    ethnicity: profile.ethnicity,
    upn: profile.upn,
    ...(profile.homePostcode !== undefined && { homePostcode: profile.homePostcode }),
    uasc: profile.uasc,
    relinquishedAtBirth: profile.relinquishedAtBirth,
    team,
    socialWorker,
  };
  const entries: PlannedEntry[] = [
    { draft: registration, structural: true },
    ...care.map((draft) => ({ draft, structural: true })),
    ...planning.map((draft) => ({ draft, structural: false })),
  ];
  const journey = assignRecordingTimes(random, entries, socialWorker, options.recordedUntil);

  // Run once to learn the journey, add the outcomes it calls for (own random stream, so the journey
  // does not change), run again to learn the event ids, then add corrections that point at them.
  const eventId = (n: number) => syntheticEventId(childId, n);
  const outcomes = recordedAfterLeavingCare(
    buildOutcomes(
      seededRandom(options.seed, `child/${index}/outcomes`),
      childId,
      runJourney(childId, journey, eventId).state,
      horizon,
      socialWorker,
    ),
    journey,
  );
  const commands = outcomes.length === 0 ? journey : inOrderOfRecording([...journey, ...outcomes]);
  let run = runJourney(childId, commands, eventId);
  const all = [...commands];
  for (const drawn of drawCorrections(random, childId, run.envelopes, socialWorker, lastDay)) {
    const group = inRecordingOrder(drawn, all[all.length - 1].now);
    const first = runJourney(childId, group.slice(0, 1), eventId, run);
    const rest = group
      .slice(1)
      .map((c) =>
        c.type === 'RetractEntry' && c.retractedEventId === ''
          ? { ...c, retractedEventId: first.envelopes[first.envelopes.length - 1].id }
          : c,
      );
    run = runJourney(childId, rest, eventId, first);
    all.push(group[0], ...rest);
  }
  return { profile, commands: all };
}

/** The plan changes and return-home audits that fall in the period of care, as commands. */
function planDrafts(childId: string, journey: PermanenceJourney, lastDay: string): DraftCommand[] {
  return [
    ...journey.plans
      .filter((p) => p.date <= lastDay)
      .map((p): DraftCommand => ({
        type: 'SetPermanencePlan',
        childId,
        effectiveDate: p.date,
        route: p.route,
      })),
    ...journey.audits
      .filter((a) => a.date <= lastDay)
      .map((a): DraftCommand => ({
        type: 'CompleteGoingHomeAudit',
        childId,
        effectiveDate: a.date,
        outcome: a.outcome,
        nextAction: a.nextAction,
      })),
  ];
}

/** Stable sort by recording time: the order the entries reach the store. */
const inOrderOfRecording = (commands: JourneyCommand[]): JourneyCommand[] =>
  commands
    .map((command, index) => ({ command, index }))
    .sort((a, b) =>
      a.command.now < b.command.now ? -1 : a.command.now > b.command.now ? 1 : a.index - b.index,
    )
    .map((t) => t.command);

/** Corrections come after everything already recorded: the stream's recording times never go backwards. */
function inRecordingOrder(group: JourneyCommand[], after: string): JourneyCommand[] {
  let previous = after;
  return group.map((command) => {
    const now =
      command.now > previous
        ? command.now
        : new Date(Date.parse(previous) + 60_000).toISOString().replace('.000Z', 'Z');
    previous = now;
    return { ...command, now };
  });
}
