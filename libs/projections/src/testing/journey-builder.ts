/**
 * Test helper: writes a child's journey as a list of stored events, one call per entry, so
 * specs read like the rule book ("started care on…, reviewed on…"). Event ids are `<child>-<n>`.
 */
import type { JourneyEvent, PermanenceRoute, StoredJourneyEvent } from '@care-journey/journey';
import { summaryFromStream } from '../summary/build-summary';
import type { JourneySummary } from '../summary/journey-summary';

type DataOf<T extends JourneyEvent['type']> = Omit<Extract<JourneyEvent, { type: T }>['data'], 'childId'>;

export interface RegisterOptions {
  dateOfBirth?: string;
  relinquishedAtBirth?: boolean;
  team?: string;
  socialWorker?: string;
  name?: string;
}

export class JourneyBuilder {
  readonly events: StoredJourneyEvent[] = [];

  constructor(readonly childId: string) {}

  /** Id of the last event written. */
  get lastId(): string {
    return this.events.at(-1)?.id ?? '';
  }

  add<T extends JourneyEvent['type']>(type: T, data: DataOf<T>): this {
    const id = `${this.childId}-${this.events.length + 1}`;
    const event = {
      type,
      data: { childId: this.childId, ...data },
      id,
      recordedAt: `${data.effectiveDate}T12:00:00Z`,
      recordedBy: 'spec',
    } as unknown as StoredJourneyEvent;
    this.events.push(event);
    return this;
  }

  registered(date: string, options: RegisterOptions = {}): this {
    return this.add('ChildRegistered', {
      effectiveDate: date,
      childRef: `REF-${this.childId}`,
      name: options.name ?? `Child ${this.childId}`,
      dateOfBirth: options.dateOfBirth ?? '2015-06-01',
      sex: '1',
      ethnicity: 'WBRI',
      upn: 'UN1',
      uasc: false,
      relinquishedAtBirth: options.relinquishedAtBirth ?? false,
      team: options.team ?? 'North',
      socialWorker: options.socialWorker ?? 'sw-1',
    });
  }

  startCare(date: string, legalStatus = 'C2', placementType = 'U4'): this {
    return this.add('PeriodOfCareStarted', {
      effectiveDate: date,
      legalStatus,
      categoryOfNeed: 'N1',
      placement: { placementType, provider: 'PR1' },
    });
  }

  endCare(date: string, reason = 'E4A'): this {
    return this.add('PeriodOfCareEnded', { effectiveDate: date, reason });
  }

  move(date: string, placementType = 'U4', sameCarer = false): this {
    return this.add('PlacementChanged', {
      effectiveDate: date,
      placement: { placementType, provider: 'PR1' },
      reasonForChange: sameCarer ? 'PLACE' : 'CARPL',
      sameCarer,
    });
  }

  temporary(date: string, placementType: 'T0' | 'T1' | 'T2' | 'T3' | 'T4' = 'T1'): this {
    return this.add('TemporaryPlacementStarted', { effectiveDate: date, placementType });
  }

  backFromTemporary(date: string): this {
    return this.add('TemporaryPlacementEnded', { effectiveDate: date });
  }

  legalStatus(date: string, legalStatus: string): this {
    return this.add('LegalStatusChanged', { effectiveDate: date, legalStatus });
  }

  review(date: string): this {
    return this.add('StatutoryReviewHeld', { effectiveDate: date, participation: 'PN1' });
  }

  plan(date: string, route: PermanenceRoute): this {
    return this.add('PermanencePlanSet', { effectiveDate: date, route });
  }

  audit(date: string): this {
    return this.add('GoingHomeAuditCompleted', {
      effectiveDate: date,
      outcome: 'stay',
      nextAction: 'review',
    });
  }

  visit(date: string, seenAlone = true): this {
    return this.add('StatutoryVisitRecorded', { effectiveDate: date, seenAlone });
  }

  adoptionDecision(date: string): this {
    return this.add('AdoptionDecisionMade', { effectiveDate: date });
  }

  placementOrder(date: string): this {
    return this.add('PlacementOrderGranted', { effectiveDate: date });
  }

  match(date: string): this {
    return this.add('MatchedWithAdopters', { effectiveDate: date });
  }

  placedForAdoption(date: string, placementType = 'A4', sameCarer = false): this {
    return this.add('PlacedForAdoption', {
      effectiveDate: date,
      placement: { placementType, provider: 'PR1' },
      sameCarer,
    });
  }

  adopted(date: string, adoptedByFosterCarer = false): this {
    this.add('AdoptionOrderGranted', {
      effectiveDate: date,
      adoptedByFosterCarer,
      numberOfAdopters: 2,
      adopterSex: 'MF',
      adopterLegalStatus: 'L11',
    });
    return this.endCare(date, 'E11');
  }

  summary(): JourneySummary {
    return summaryFromStream(this.childId, this.events);
  }
}

export const journey = (childId: string): JourneyBuilder => new JourneyBuilder(childId);
