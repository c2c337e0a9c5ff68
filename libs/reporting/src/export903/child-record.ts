/** Everything the 903 needs about one child, read once from the resolved stream. */
import {
  adoptionPathIndex,
  resolveCorrections,
  sortByEffectiveDate,
  type CalendarDate,
  type EventData,
  type JourneyEvent,
  type StoredJourneyEvent,
} from '@care-journey/journey';
import { deriveEpisodes, type Episode } from './derive-episodes';

export interface PeriodRecord {
  start: CalendarDate;
  end?: CalendarDate;
  reason?: string;
  previousPermanence?: { code: string; la?: string; date?: string };
}

export interface AdoptionDecisionRecord {
  decision: CalendarDate;
  reversed?: { date: CalendarDate; reason: string };
  match?: CalendarDate;
  order?: EventData<'AdoptionOrderGranted'>;
}

export interface ChildRecord {
  childId: string;
  registration: EventData<'ChildRegistered'>;
  episodes: Episode[];
  periods: PeriodRecord[];
  reviews: { date: CalendarDate; participation: string }[];
  missing: { kind: string; start: CalendarDate; end?: CalendarDate }[];
  adoptionDecisions: AdoptionDecisionRecord[];
  /** 903 OC2, one per collection year (keyed by its 31 March). */
  healthOutcomes: EventData<'AnnualHealthOutcomesRecorded'>[];
  /** 903 OC3, one per 17th–21st birthday. */
  careLeaverContacts: EventData<'CareLeaverContactRecorded'>[];
}

export function childRecord(stream: readonly StoredJourneyEvent[]): ChildRecord | undefined {
  const resolved: JourneyEvent[] = sortByEffectiveDate(resolveCorrections(stream));
  const registered = resolved.find((e) => e.type === 'ChildRegistered');
  if (!registered || registered.type !== 'ChildRegistered') return undefined;
  const record: ChildRecord = {
    childId: registered.data.childId,
    registration: registered.data,
    episodes: deriveEpisodes(resolved),
    periods: [],
    reviews: [],
    missing: [],
    adoptionDecisions: [],
    healthOutcomes: [],
    careLeaverContacts: [],
  };
  const lastDecision = () => record.adoptionDecisions[record.adoptionDecisions.length - 1];
  // The match and the order belong to the decision whose path holds them (the scorecard's rule too).
  const decisionOf = (date: CalendarDate) =>
    record.adoptionDecisions[
      adoptionPathIndex(
        record.adoptionDecisions.map((d) => d.decision),
        date,
      )
    ];
  for (const event of resolved) {
    const date = event.data.effectiveDate;
    switch (event.type) {
      case 'PeriodOfCareStarted':
        record.periods.push({ start: date, previousPermanence: event.data.previousPermanence });
        break;
      case 'PeriodOfCareEnded': {
        const period = record.periods[record.periods.length - 1];
        if (period && !period.end) Object.assign(period, { end: date, reason: event.data.reason });
        break;
      }
      case 'StatutoryReviewHeld':
        record.reviews.push({ date, participation: event.data.participation });
        break;
      case 'MissingEpisodeStarted':
        record.missing.push({ kind: event.data.kind, start: date });
        break;
      case 'MissingEpisodeEnded': {
        const open = [...record.missing].reverse().find((m) => m.end === undefined);
        if (open) open.end = date;
        break;
      }
      case 'AdoptionDecisionMade':
        record.adoptionDecisions.push({ decision: date });
        break;
      case 'AdoptionDecisionReversed':
        if (lastDecision()) lastDecision().reversed = { date, reason: event.data.reason };
        break;
      case 'MatchedWithAdopters': {
        const decision = decisionOf(date);
        if (decision) decision.match = date;
        break;
      }
      case 'AdoptionOrderGranted': {
        const decision = decisionOf(date);
        if (decision) decision.order = event.data;
        break;
      }
      case 'AnnualHealthOutcomesRecorded':
        record.healthOutcomes.push(event.data);
        break;
      case 'CareLeaverContactRecorded':
        record.careLeaverContacts.push(event.data);
        break;
      default:
        break;
    }
  }
  return record;
}
