import { storedJourneyEvents, type JourneyEvent } from '@care-journey/journey';
import { formsThatApply } from './forms-that-apply';

const CHILD = 'c1';
const placement = { placementType: 'U4', provider: 'PR1', postcode: 'LS6 2AB', inArea: true };
const registered: JourneyEvent = {
  type: 'ChildRegistered',
  data: {
    childId: CHILD,
    effectiveDate: '2024-05-01',
    childRef: 'LA-1',
    name: 'Amira Hassan',
    dateOfBirth: '2015-03-02',
    sex: '2',
    ethnicity: 'AOTH',
    upn: 'A123456789012',
    uasc: false,
    relinquishedAtBirth: false,
    team: 'North CLA',
    socialWorker: 'sw-jones',
  },
};
const careStarted = (legalStatus = 'C2'): JourneyEvent => ({
  type: 'PeriodOfCareStarted',
  data: { childId: CHILD, effectiveDate: '2024-05-10', legalStatus, categoryOfNeed: 'N1', placement },
});
const dated = (type: string, effectiveDate: string, data: Record<string, unknown> = {}) =>
  ({ type, data: { childId: CHILD, effectiveDate, ...data } }) as unknown as JourneyEvent;

const slugsFor = (events: JourneyEvent[], today = '2024-11-01') =>
  formsThatApply(storedJourneyEvents(events), today).map((f) => f.slug);

describe('formsThatApply: the record forms the child’s page offers', () => {
  it('Given a registered child never in care, then only entry to care and allocation are offered', () => {
    expect(slugsFor([registered])).toEqual(['entry-to-care', 'allocation']);
  });

  it('Given a child in care, then no entry to care, and the end of care, moves, reviews and an adoption decision are offered', () => {
    const slugs = slugsFor([registered, careStarted()]);
    expect(slugs).not.toContain('entry-to-care');
    expect(slugs).toEqual(
      expect.arrayContaining([
        'placement-change',
        'temporary-placement',
        'legal-status',
        'review',
        'end-of-care',
        'missing-episode',
        'adoption-decision',
      ]),
    );
    expect(slugs).not.toContain('temporary-placement-end');
    expect(slugs).not.toContain('missing-episode-end');
    expect(slugs).not.toContain('placement-order');
    expect(slugs).not.toContain('adoption-order');
  });

  it('Given a child on short breaks (V3), then no review and no temporary placement are offered', () => {
    const slugs = slugsFor([registered, careStarted('V3')]);
    expect(slugs).not.toContain('review');
    expect(slugs).not.toContain('temporary-placement');
    expect(slugs).toContain('end-of-care');
  });

  it('Given a temporary placement open, then its end is offered, and no move, new temporary placement or end of care', () => {
    const slugs = slugsFor([
      registered,
      careStarted(),
      dated('TemporaryPlacementStarted', '2024-06-01', { placementType: 'T2' }),
    ]);
    expect(slugs).toContain('temporary-placement-end');
    expect(slugs).not.toContain('temporary-placement');
    expect(slugs).not.toContain('placement-change');
    expect(slugs).not.toContain('end-of-care');
  });

  it('Given a missing episode open, then the return is offered, not another start', () => {
    const slugs = slugsFor([
      registered,
      careStarted(),
      dated('MissingEpisodeStarted', '2024-06-01', { kind: 'M' }),
    ]);
    expect(slugs).toContain('missing-episode-end');
    expect(slugs).not.toContain('missing-episode');
  });

  it('Given an open adoption decision, then its steps are offered, not a second decision; the order only once placed', () => {
    const decided = [registered, careStarted(), dated('AdoptionDecisionMade', '2024-07-01')];
    expect(slugsFor(decided)).toEqual(
      expect.arrayContaining(['placement-order', 'adoption-consent', 'match', 'place-for-adoption']),
    );
    expect(slugsFor(decided)).not.toContain('adoption-decision');
    expect(slugsFor(decided)).not.toContain('adoption-order');
  });

  it('Given care that ended, then entry to care is offered again, and back-dated reviews, plans and audits still are', () => {
    const slugs = slugsFor([
      registered,
      careStarted(),
      dated('PeriodOfCareEnded', '2024-09-01', { reason: 'E4A' }),
    ]);
    expect(slugs).toEqual(['entry-to-care', 'review', 'plan', 'going-home-audit', 'allocation']);
  });
  it('Given a child still in H5 after 1 April 2025, then of what starts or ends an episode only the move that re-records it is offered', () => {
    const inH5: JourneyEvent = {
      type: 'PeriodOfCareStarted',
      data: {
        childId: CHILD,
        effectiveDate: '2025-01-10',
        legalStatus: 'V2',
        categoryOfNeed: 'N1',
        placement: { placementType: 'H5', provider: 'PR4', postcode: 'CB4 1UW', urn: '2771234' },
      },
    };
    const episodeForms = ['placement-change', 'legal-status', 'temporary-placement', 'end-of-care'];
    const offered = (today: string) =>
      slugsFor([registered, inH5], today).filter((f) => episodeForms.includes(f));
    expect(offered('2025-03-01').sort()).toEqual([...episodeForms].sort());
    expect(offered('2026-11-27')).toEqual(['placement-change']);
  });
});
