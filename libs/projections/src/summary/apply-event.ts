/**
 * Folds one effective event into a summary (mutating it: the caller owns a fresh summary).
 * What each event type may change is listed in summary-facets.ts (the feed trusts it): keep both in step.
 */
import type { StoredJourneyEvent } from '@care-journey/journey';
import type { JourneySummary, PeriodOfCare } from './journey-summary';
import { closeRun, continueRun, currentRun, newPeriod, startNewRun } from './period-of-care';

export function applyEvent(summary: JourneySummary, event: StoredJourneyEvent): void {
  summary.eventCount += 1;
  const date = event.data.effectiveDate;
  const eventId = event.id;
  const period = openPeriod(summary);

  switch (event.type) {
    case 'ChildRegistered': {
      const d = event.data;
      Object.assign(summary, {
        childRef: d.childRef,
        name: d.name,
        dateOfBirth: d.dateOfBirth,
        sex: d.sex,
        uasc: d.uasc,
        relinquishedAtBirth: d.relinquishedAtBirth,
        registeredEventId: eventId,
      });
      summary.allocations.push({ date, eventId, team: d.team, socialWorker: d.socialWorker });
      return;
    }
    case 'AllocationChanged':
      summary.allocations.push({
        date,
        eventId,
        team: event.data.team,
        socialWorker: event.data.socialWorker,
      });
      return;
    case 'PeriodOfCareStarted': {
      const d = event.data;
      // A new start while one is open means the earlier one ended the same day (data gap).
      if (period) endPeriod(period, date, undefined, undefined);
      summary.periods.push(newPeriod(date, eventId, d.legalStatus, d.categoryOfNeed, d.placement));
      return;
    }
    case 'PeriodOfCareEnded':
      if (period) endPeriod(period, date, event.data.reason, eventId);
      return;
    default:
      if (period) applyWithinPeriod(period, event);
  }
}

function applyWithinPeriod(period: PeriodOfCare, event: StoredJourneyEvent): void {
  const date = event.data.effectiveDate;
  const eventId = event.id;
  const fact = { date, eventId };
  switch (event.type) {
    case 'LegalStatusChanged':
      period.legalStatuses.push({ ...fact, code: event.data.legalStatus });
      return;
    case 'PlacementChanged':
      if (event.data.sameCarer) continueRun(period, date, eventId, event.data.placement.placementType);
      else startNewRun(period, date, eventId, event.data.placement.placementType);
      return;
    case 'TemporaryPlacementStarted':
      // T0–T4 and the return from them are not moves: they live inside the usual placement's run.
      currentRun(period)?.temporaryStays.push({
        start: date,
        placementType: event.data.placementType,
        eventId,
      });
      return;
    case 'TemporaryPlacementEnded': {
      const stay = currentRun(period)?.temporaryStays.at(-1);
      if (stay && stay.end === undefined) stay.end = date;
      // Back to the same setting in the type that replaced its own while away (H5 → K3): same carer.
      if (event.data.reRecordedAs !== undefined) continueRun(period, date, eventId, event.data.reRecordedAs);
      return;
    }
    case 'StatutoryReviewHeld':
      period.reviews.push(fact);
      return;
    case 'PermanencePlanSet':
      period.plans.push({ ...fact, route: event.data.route });
      return;
    case 'GoingHomeAuditCompleted':
      period.audits.push(fact);
      return;
    case 'StatutoryVisitRecorded':
      (period.visits ??= []).push(fact);
      return;
    case 'AdoptionDecisionMade':
      period.adoption.decisions.push(fact);
      return;
    case 'PlacementOrderGranted':
      period.adoption.placementOrders.push(fact);
      period.legalStatuses.push({ ...fact, code: 'E1' });
      return;
    case 'AdoptionConsentGiven':
      period.adoption.consents.push(fact);
      return;
    case 'AdoptionDecisionReversed':
      period.adoption.reversals.push({ ...fact, reason: event.data.reason });
      return;
    case 'MatchedWithAdopters':
      period.adoption.matches.push(fact);
      return;
    case 'PlacedForAdoption': {
      const { placement, sameCarer } = event.data;
      period.adoption.placements.push({ ...fact, placementType: placement.placementType, sameCarer });
      // Placing for adoption with the current carer is not a move (rule book, "Placements").
      if (sameCarer) continueRun(period, date, eventId, placement.placementType);
      else startNewRun(period, date, eventId, placement.placementType);
      return;
    }
    case 'AdoptionOrderGranted':
      period.adoption.order = { ...fact, adoptedByFosterCarer: event.data.adoptedByFosterCarer };
      return;
    case 'MissingEpisodeStarted':
      period.missing.push({ start: date, kind: event.data.kind, eventId });
      return;
    case 'MissingEpisodeEnded': {
      const spell = period.missing.at(-1);
      if (spell && spell.end === undefined) spell.end = date;
      return;
    }
    default:
      // Corrections are resolved before the fold; anything else has no bearing on the summary.
      return;
  }
}

function endPeriod(
  period: PeriodOfCare,
  date: string,
  reason: string | undefined,
  eventId: string | undefined,
): void {
  period.end = date;
  period.endReason = reason;
  period.endEventId = eventId;
  const run = currentRun(period);
  if (run) closeRun(run, date);
}

const openPeriod = (summary: JourneySummary): PeriodOfCare | undefined => {
  const last = summary.periods.at(-1);
  return last && last.end === undefined ? last : undefined;
};
