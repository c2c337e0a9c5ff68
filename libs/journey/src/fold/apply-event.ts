/**
 * Folds one resolved event (no corrections) into the dated lists. Stored events are facts, so this
 * never throws: it records what happened even when it does not fit (decide guards the entries).
 * Events must arrive in effective-date order; evolve guarantees it.
 */
import type { JourneyEvent, PlacementDetails } from '../events';
import type { AdoptionStep, AdoptionStepName, PlacementSpell } from '../state';
import type { ListFields } from './derive-current';
import { closeLastOpen, insertByDate, lastOf } from './list-helpers';

type Lists = ListFields;

/**
 * The lists with some fields replaced: the same keys in the same order as `{ ...state, ...fields }`
 * (a replaced key keeps its place, a new one comes last). Copied onto a fresh object, every result
 * walks one shared chain of hidden classes; a spread of a spread's result got a hidden class of its
 * own almost every time (517 for 1,000 folded children), so the fold's spreads and reads of the lists
 * were megamorphic, ~1 µs a spread (#9, fold-shapes.spec).
 */
export const changed = (state: Lists, fields: Partial<Lists>): Lists => Object.assign({}, state, fields);

/**
 * A placement spell: the placement's fields, then the spell's, in that order (as a spread). Copied
 * onto a fresh object for the reason `changed` is: a spread of the stored placement, then its own
 * keys, made a new hidden class for nearly every spell (#9).
 */
const spellOf = (
  placement: PlacementDetails,
  spell: Omit<PlacementSpell, keyof PlacementDetails> & Partial<PlacementDetails>,
): PlacementSpell => Object.assign({}, placement, spell);

const byDate = <T extends { date: string }>(t: T) => t.date;
const byStart = <T extends { startDate: string }>(t: T) => t.startDate;

function addStep(
  state: Lists,
  step: AdoptionStepName,
  date: string,
  eventId: string,
  detail?: string,
): Lists {
  const entry: AdoptionStep = { step, date, eventId, ...(detail !== undefined && { detail }) };
  return changed(state, { adoptionSteps: insertByDate(state.adoptionSteps, entry, byDate) });
}

function changeLegalStatus(state: Lists, legalStatus: string, date: string, eventId: string): Lists {
  const legalStatuses = insertByDate(
    closeLastOpen(state.legalStatuses, date),
    { legalStatus, startDate: date, eventId },
    byStart,
  );
  const last = lastOf(state.periodsOfCare);
  const periodsOfCare =
    last && last.endDate === undefined
      ? [...state.periodsOfCare.slice(0, -1), { ...last, legalStatus }]
      : state.periodsOfCare;
  return changed(state, { legalStatuses, periodsOfCare });
}

function movePlacement(state: Lists, spell: PlacementSpell): Lists {
  return changed(state, {
    placements: insertByDate(closeLastOpen(state.placements, spell.startDate), spell, byStart),
  });
}

export function applyEvent(state: Lists, event: JourneyEvent, eventId: string): Lists {
  const date = event.data.effectiveDate;
  switch (event.type) {
    case 'ChildRegistered': {
      const { childId, team, socialWorker, effectiveDate, ...details } = event.data;
      const allocation = { team, socialWorker, since: effectiveDate, eventId };
      return changed(state, {
        registered: true,
        childId,
        child: { ...details, knownSince: effectiveDate },
        allocations: insertByDate(state.allocations, allocation, (a) => a.since),
      });
    }
    case 'AllocationChanged': {
      const { team, socialWorker } = event.data;
      return changed(state, {
        allocations: insertByDate(
          state.allocations,
          { team, socialWorker, since: date, eventId },
          (a) => a.since,
        ),
      });
    }
    case 'PeriodOfCareStarted': {
      const { legalStatus, categoryOfNeed, placement, previousPermanence } = event.data;
      const period = {
        startDate: date,
        legalStatus,
        categoryOfNeed,
        startEventId: eventId,
        ...(previousPermanence && { previousPermanence }),
      };
      const withPeriod = changed(state, {
        periodsOfCare: insertByDate(state.periodsOfCare, period, byStart),
      });
      const withStatus = changed(withPeriod, {
        legalStatuses: insertByDate(
          withPeriod.legalStatuses,
          { legalStatus, startDate: date, eventId },
          byStart,
        ),
      });
      return movePlacement(
        withStatus,
        spellOf(placement, {
          startDate: date,
          kind: 'entry',
          sameCarer: false,
          eventId,
        }),
      );
    }
    case 'LegalStatusChanged':
      return changeLegalStatus(state, event.data.legalStatus, date, eventId);
    case 'PlacementChanged': {
      const { placement, reasonForChange, sameCarer } = event.data;
      return movePlacement(
        state,
        spellOf(placement, {
          startDate: date,
          kind: 'change',
          sameCarer,
          reasonForChange,
          eventId,
        }),
      );
    }
    case 'TemporaryPlacementStarted':
      return movePlacement(state, {
        placementType: event.data.placementType,
        startDate: date,
        kind: 'temporary',
        sameCarer: false,
        eventId,
      });
    case 'TemporaryPlacementEnded': {
      const usual = [...state.placements].reverse().find((p) => p.kind !== 'temporary');
      if (!usual) return state;
      const { startDate: _s, endDate: _e, eventId: _id, kind: _k, reasonForChange: _r, ...details } = usual;
      const placementType = event.data.reRecordedAs ?? details.placementType;
      return movePlacement(
        state,
        spellOf(details, {
          placementType,
          startDate: date,
          kind: 'return',
          sameCarer: true,
          eventId,
        }),
      );
    }
    case 'StatutoryReviewHeld':
      return changed(state, {
        reviews: insertByDate(
          state.reviews,
          { date, participation: event.data.participation, eventId },
          byDate,
        ),
      });
    case 'PermanencePlanSet':
      return changed(state, {
        permanencePlans: insertByDate(
          state.permanencePlans,
          { route: event.data.route, date, eventId },
          byDate,
        ),
      });
    case 'GoingHomeAuditCompleted': {
      const { outcome, nextAction } = event.data;
      return changed(state, {
        goingHomeAudits: insertByDate(state.goingHomeAudits, { date, outcome, nextAction, eventId }, byDate),
      });
    }
    case 'StatutoryVisitRecorded': {
      const { seenAlone, visitNote } = event.data;
      const visit = { date, seenAlone, ...(visitNote !== undefined && { visitNote }), eventId };
      return changed(state, { statutoryVisits: insertByDate(state.statutoryVisits, visit, byDate) });
    }
    case 'AdoptionDecisionMade':
      return addStep(state, 'decision', date, eventId);
    case 'PlacementOrderGranted':
      // Court authority to place also makes the legal status E1.
      return changeLegalStatus(addStep(state, 'placement_order', date, eventId), 'E1', date, eventId);
    case 'AdoptionConsentGiven':
      return addStep(state, 'consent', date, eventId);
    case 'AdoptionDecisionReversed':
      return addStep(state, 'reversed', date, eventId, event.data.reason);
    case 'MatchedWithAdopters':
      return addStep(state, 'match', date, eventId);
    case 'PlacedForAdoption': {
      const { placement, sameCarer } = event.data;
      const moved = movePlacement(
        state,
        spellOf(placement, {
          startDate: date,
          kind: 'adoption',
          sameCarer,
          eventId,
        }),
      );
      return addStep(moved, 'placed', date, eventId, placement.placementType);
    }
    case 'AdoptionOrderGranted':
      return addStep(state, 'order', date, eventId);
    case 'MissingEpisodeStarted':
      return changed(state, {
        missingEpisodes: insertByDate(
          state.missingEpisodes,
          { kind: event.data.kind, startDate: date, startEventId: eventId },
          byStart,
        ),
      });
    case 'MissingEpisodeEnded':
      return changed(state, { missingEpisodes: closeLastOpen(state.missingEpisodes, date) });
    case 'PeriodOfCareEnded':
      return changed(state, {
        periodsOfCare: closeLastOpen(state.periodsOfCare, date, {
          endReason: event.data.reason,
          endEventId: eventId,
        }),
        legalStatuses: closeLastOpen(state.legalStatuses, date),
        placements: closeLastOpen(state.placements, date),
      });
    case 'AnnualHealthOutcomesRecorded':
    case 'CareLeaverContactRecorded':
      return state; // kept as events only: reporting reads them, no rule folds them
    case 'EntryAmended':
    case 'EntryRetracted':
    case 'RegistrationRetracted':
      return state; // resolved before folding
  }
}
