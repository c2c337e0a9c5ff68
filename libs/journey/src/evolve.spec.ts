import type { JourneyEvent } from './events';
import { foldJourney } from './evolve';
import { resolveCorrections } from './resolve-corrections';
import { initialState } from './state';
import { stateOf, stored } from './testing/decider-specification';
import {
  CHILD,
  careEnded,
  careStarted,
  fosterU4,
  fosterU6,
  inCare,
  legalStatusChanged,
  matched,
  placementChanged,
  registered,
  reviewHeld,
  step,
} from './testing/fixtures';

const temporary = (date: string): JourneyEvent => ({
  type: 'TemporaryPlacementStarted',
  data: { childId: CHILD, effectiveDate: date, placementType: 'T1' },
});

describe('evolve', () => {
  it('starts empty', () => {
    expect(initialState.registered).toBe(false);
    expect(initialState.inCare).toBe(false);
  });

  it('knows the child and the allocation once registered', () => {
    const state = stateOf([
      registered,
      {
        type: 'AllocationChanged',
        data: { childId: CHILD, effectiveDate: '2024-09-01', team: 'South CLA', socialWorker: 'sw-okafor' },
      },
    ]);
    expect(state.registered).toBe(true);
    expect(state.childId).toBe(CHILD);
    expect(state.child).toMatchObject({
      name: 'Amira Hassan',
      dateOfBirth: '2019-03-02',
      knownSince: '2024-05-01',
    });
    expect(state.allocation).toMatchObject({
      team: 'South CLA',
      socialWorker: 'sw-okafor',
      since: '2024-09-01',
    });
    expect(state.allocations).toHaveLength(2);
  });

  it('tracks the current period of care, legal status and placement', () => {
    const state = stateOf([
      ...inCare,
      legalStatusChanged('2024-07-01', 'C2'),
      placementChanged('2024-09-01'),
    ]);
    expect(state.inCare).toBe(true);
    expect(state.currentPeriodOfCare).toMatchObject({
      startDate: '2024-05-10',
      legalStatus: 'C2',
      categoryOfNeed: 'N1',
    });
    expect(state.currentPlacement).toMatchObject({ ...fosterU4, startDate: '2024-09-01', kind: 'change' });
    expect(state.placements.map((p) => [p.placementType, p.startDate, p.endDate])).toEqual([
      ['U6', '2024-05-10', '2024-09-01'],
      ['U4', '2024-09-01', undefined],
    ]);
    expect(state.legalStatuses.map((s) => [s.legalStatus, s.startDate, s.endDate])).toEqual([
      ['C1', '2024-05-10', '2024-07-01'],
      ['C2', '2024-07-01', undefined],
    ]);
  });

  it('closes everything when care ends', () => {
    const state = stateOf([...inCare, careEnded('2025-01-20', 'E4A')]);
    expect(state.inCare).toBe(false);
    expect(state.currentPeriodOfCare).toBeUndefined();
    expect(state.currentPlacement).toBeUndefined();
    expect(state.periodsOfCare[0]).toMatchObject({
      startDate: '2024-05-10',
      endDate: '2025-01-20',
      endReason: 'E4A',
    });
    expect(state.placements[0].endDate).toBe('2025-01-20');
  });

  it('keeps the usual placement during a temporary one, and returns to it', () => {
    const during = stateOf([...inCare, temporary('2024-08-01')]);
    expect(during.currentPlacement?.placementType).toBe('T1');
    expect(during.usualPlacement).toMatchObject({ ...fosterU6, startDate: '2024-05-10' });
    const after = stateOf([
      ...inCare,
      temporary('2024-08-01'),
      step('TemporaryPlacementEnded', '2024-08-09'),
    ]);
    expect(after.usualPlacement).toBeUndefined();
    expect(after.currentPlacement).toMatchObject({
      ...fosterU6,
      startDate: '2024-08-09',
      kind: 'return',
      sameCarer: true,
    });
  });

  it('records reviews, plans, audits and missing episodes', () => {
    const state = stateOf([
      ...inCare,
      reviewHeld('2024-06-05'),
      { type: 'PermanencePlanSet', data: { childId: CHILD, effectiveDate: '2024-08-20', route: 'adoption' } },
      {
        type: 'GoingHomeAuditCompleted',
        data: { childId: CHILD, effectiveDate: '2024-11-10', outcome: 'Not yet', nextAction: 'FGC' },
      },
      { type: 'MissingEpisodeStarted', data: { childId: CHILD, effectiveDate: '2024-12-01', kind: 'M' } },
    ]);
    expect(state.reviews.map((r) => r.date)).toEqual(['2024-06-05']);
    expect(state.permanencePlan).toMatchObject({ route: 'adoption', date: '2024-08-20' });
    expect(state.goingHomeAudits).toHaveLength(1);
    expect(state.missingEpisodeOpen).toBe(true);
  });

  it('follows the adoption steps', () => {
    const placed: JourneyEvent = {
      type: 'PlacedForAdoption',
      data: {
        childId: CHILD,
        effectiveDate: '2025-02-20',
        placement: { placementType: 'A6', provider: 'PR2' },
        sameCarer: false,
      },
    };
    const state = stateOf([...matched, placed]);
    expect(state.adoption).toEqual({
      decisionOpen: true,
      decisionDate: '2024-08-01',
      placementOrderDate: '2024-10-01',
      matchDate: '2025-01-15',
      placedDate: '2025-02-20',
      placedPlacementType: 'A6',
    });
    expect(state.currentPeriodOfCare?.legalStatus).toBe('E1');
    expect(state.currentPlacement?.kind).toBe('adoption');
  });

  it('closes the adoption decision on reversal, and a new decision starts afresh', () => {
    const reversed: JourneyEvent = {
      type: 'AdoptionDecisionReversed',
      data: { childId: CHILD, effectiveDate: '2025-02-01', reason: 'RD3' },
    };
    expect(stateOf([...matched, reversed]).adoption).toMatchObject({
      decisionOpen: false,
      reversed: { date: '2025-02-01', reason: 'RD3' },
      matchDate: '2025-01-15',
    });
    const again = stateOf([...matched, reversed, step('AdoptionDecisionMade', '2025-03-01')]).adoption;
    expect(again).toMatchObject({
      decisionOpen: true,
      decisionDate: '2025-03-01',
      placementOrderDate: '2024-10-01',
    });
    expect(again.matchDate).toBeUndefined();
  });

  it('keeps every event id with its type and date', () => {
    const state = stateOf(inCare);
    expect(state.events['e2']).toEqual({
      type: 'PeriodOfCareStarted',
      effectiveDate: '2024-05-10',
      recordedAt: '2024-05-10T12:00:00Z',
      retracted: false,
      amended: false,
    });
  });

  describe('late entries', () => {
    it('keeps dated lists in effective-date order, not arrival order', () => {
      const state = stateOf([
        ...inCare,
        reviewHeld('2024-11-05'),
        reviewHeld('2024-06-05'),
        placementChanged('2024-09-01'),
      ]);
      expect(state.reviews.map((r) => r.date)).toEqual(['2024-06-05', '2024-11-05']);
      expect(state.lastEffectiveDate).toBe('2024-11-05');
    });

    it('slots a late placement change into place', () => {
      const state = stateOf([
        ...inCare,
        placementChanged('2024-12-01', { placementType: 'K2', provider: 'PR4' }),
        placementChanged('2024-09-01'),
      ]);
      expect(state.placements.map((p) => [p.placementType, p.startDate, p.endDate])).toEqual([
        ['U6', '2024-05-10', '2024-09-01'],
        ['U4', '2024-09-01', '2024-12-01'],
        ['K2', '2024-12-01', undefined],
      ]);
      expect(state.currentPlacement?.placementType).toBe('K2');
    });

    it('gives the same state as folding the whole stream', () => {
      const events = stored([
        ...inCare,
        reviewHeld('2024-11-05'),
        legalStatusChanged('2024-07-01', 'C2'),
        reviewHeld('2024-06-05'),
        careEnded('2025-01-20'),
      ]);
      const incremental = stateOf(events);
      const { history: _h, events: _e, ...refolded } = foldJourney(resolveCorrections(events));
      const { history: _h2, events: _e2, ...actual } = incremental;
      expect(actual).toEqual(refolded);
    });
  });

  describe('corrections', () => {
    it('applies an amendment to the original', () => {
      const state = stateOf([
        ...inCare,
        reviewHeld('2024-06-05'),
        {
          type: 'EntryAmended',
          data: {
            childId: CHILD,
            effectiveDate: '2024-06-07',
            correctedEventId: 'e3',
            reason: 'date',
            amendedData: { effectiveDate: '2024-06-07' },
          },
        },
      ]);
      expect(state.reviews).toEqual([{ date: '2024-06-07', participation: 'PN1', eventId: 'e3' }]);
      expect(state.events['e3']).toMatchObject({ amended: true, effectiveDate: '2024-06-07' });
    });

    it('drops a retracted entry', () => {
      const state = stateOf([
        ...inCare,
        careEnded('2024-09-01'),
        {
          type: 'EntryRetracted',
          data: { childId: CHILD, effectiveDate: '2024-09-01', retractedEventId: 'e3', reason: 'wrong' },
        },
      ]);
      expect(state.inCare).toBe(true);
      expect(state.events['e3'].retracted).toBe(true);
      expect(state.history).toHaveLength(4);
    });

    it('amends the start of care', () => {
      const state = stateOf([
        ...inCare,
        {
          type: 'EntryAmended',
          data: {
            childId: CHILD,
            effectiveDate: '2024-05-09',
            correctedEventId: 'e2',
            reason: 'date',
            amendedData: { ...careStarted('2024-05-09', 'V2').data },
          },
        },
      ]);
      expect(state.currentPeriodOfCare).toMatchObject({ startDate: '2024-05-09', legalStatus: 'V2' });
    });
  });
});
