/** The `current…` fields of the state, derived from its dated lists after every fold. */
import type { AdoptionProgress, AdoptionStep, JourneyFields } from '../state';

/** The fields the folds keep: all but `history`, `events` and the `current…` ones derived here. */
export type ListFields = Omit<
  JourneyFields,
  'currentPeriodOfCare' | 'currentPlacement' | 'usualPlacement' | 'permanencePlan' | 'allocation'
>;
import { lastOf } from './list-helpers';

/** Adoption steps of the latest period of care; match/move-in only after the latest decision. */
export function adoptionProgress(
  steps: readonly AdoptionStep[],
  periodStart: string | undefined,
): AdoptionProgress {
  // Most children never have a step: what the scan below gives for none, without its copies.
  if (steps.length === 0) return { decisionOpen: false };
  const inPeriod = periodStart === undefined ? [] : steps.filter((s) => s.date >= periodStart);
  const lastIndex = (name: string) => inPeriod.map((s) => s.step).lastIndexOf(name as AdoptionStep['step']);
  const decisionAt = lastIndex('decision');
  const sinceDecision = decisionAt >= 0 ? inPeriod.slice(decisionAt) : inPeriod;
  const latest = (list: readonly AdoptionStep[], name: AdoptionStep['step']) =>
    [...list].reverse().find((s) => s.step === name);
  const reversal = latest(sinceDecision, 'reversed');
  const placed = latest(sinceDecision, 'placed');
  const progress: AdoptionProgress = { decisionOpen: decisionAt >= 0 && !reversal };
  if (decisionAt >= 0) progress.decisionDate = inPeriod[decisionAt].date;
  const order = latest(inPeriod, 'placement_order');
  if (order) progress.placementOrderDate = order.date;
  const consent = latest(inPeriod, 'consent');
  if (consent) progress.consentDate = consent.date;
  const match = latest(sinceDecision, 'match');
  if (match) progress.matchDate = match.date;
  if (placed) {
    progress.placedDate = placed.date;
    progress.placedPlacementType = placed.detail;
  }
  if (reversal) progress.reversed = { date: reversal.date, reason: reversal.detail ?? '' };
  const adoptionOrder = latest(inPeriod, 'order');
  if (adoptionOrder) progress.orderDate = adoptionOrder.date;
  return progress;
}

/** The lists with the `current…` fields (the lists must not have them: the folds never set them). */
export function deriveCurrent(state: ListFields): JourneyFields {
  const lastPeriod = lastOf(state.periodsOfCare);
  const inCare = lastPeriod !== undefined && lastPeriod.endDate === undefined;
  const lastPlacement = lastOf(state.placements);
  const currentPlacement = lastPlacement && lastPlacement.endDate === undefined ? lastPlacement : undefined;
  const usualPlacement =
    currentPlacement?.kind === 'temporary'
      ? [...state.placements].reverse().find((p) => p.kind !== 'temporary')
      : undefined;
  const plan = lastOf(state.permanencePlans);
  const lastMissing = lastOf(state.missingEpisodes);
  // Assigned one by one in this order: the same keys, in the same order, as spreading the optional
  // ones in (a key the lists already hold keeps its place), without a small object per field.
  // Object.assign onto a fresh object, not a spread: every state then shares a few hidden classes
  // (992 of 1,000 folded children had one of their own, so decide's reads were megamorphic, #9).
  const derived: JourneyFields = Object.assign({}, state, { inCare });
  if (inCare) derived.currentPeriodOfCare = lastPeriod;
  if (currentPlacement) derived.currentPlacement = currentPlacement;
  if (usualPlacement) derived.usualPlacement = usualPlacement;
  if (plan && lastPeriod && plan.date >= lastPeriod.startDate) derived.permanencePlan = plan;
  if (state.allocations.length > 0) derived.allocation = lastOf(state.allocations);
  derived.adoption = adoptionProgress(state.adoptionSteps, lastPeriod?.startDate);
  derived.missingEpisodeOpen = lastMissing !== undefined && lastMissing.endDate === undefined;
  return derived;
}
