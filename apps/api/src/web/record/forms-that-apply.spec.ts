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

  it('Given a child looked after (so placed), then a statutory visit is offered; once care ended, it is not', () => {
    expect(slugsFor([registered, careStarted()])).toContain('visit');
    expect(
      slugsFor([registered, careStarted(), dated('PeriodOfCareEnded', '2024-09-01', { reason: 'E4A' })]),
    ).not.toContain('visit');
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

  it('Given a temporary placement open under an adoption decision, then no legal status change or placement order is offered (903 rules 380/383); back from it, both are', () => {
    const away = [
      registered,
      careStarted(),
      dated('AdoptionDecisionMade', '2024-05-20'),
      dated('TemporaryPlacementStarted', '2024-06-01', { placementType: 'T1' }),
    ];
    expect(slugsFor(away)).not.toContain('legal-status');
    expect(slugsFor(away)).not.toContain('placement-order');
    const back = [...away, dated('TemporaryPlacementEnded', '2024-06-20')];
    expect(slugsFor(back)).toEqual(expect.arrayContaining(['legal-status', 'placement-order']));
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

  it('Given a stored "placed for adoption" with U5 (fostering for adoption, refused since), then placing for adoption is still offered and the order is not', () => {
    const fostered = [
      registered,
      careStarted(),
      dated('AdoptionDecisionMade', '2024-07-01'),
      dated('PlacedForAdoption', '2024-08-01', {
        placement: { ...placement, placementType: 'U5' },
        sameCarer: false,
      }),
    ];
    expect(slugsFor(fostered)).toContain('place-for-adoption');
    expect(slugsFor(fostered)).not.toContain('adoption-order');
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

  describe('903 outcomes, by the domain’s cohorts', () => {
    it('Given a child looked after since May 2024, then health outcomes (OC2) are offered only once a year ending 31 March has passed with the child looked after throughout', () => {
      const inCare = [registered, careStarted()];
      expect(slugsFor(inCare, '2025-03-30')).not.toContain('health-outcomes');
      expect(slugsFor(inCare, '2025-04-01')).not.toContain('health-outcomes'); // in care from 10 May, not 1 April 2024
      expect(slugsFor(inCare, '2026-03-31')).toContain('health-outcomes');
    });

    it('Given health outcomes recorded for the only year due, then they are not offered again; withdrawn, they are', () => {
      const outcomes = dated('AnnualHealthOutcomesRecorded', '2026-03-31', {
        sdqScore: 12,
        immunisations: true,
        teethCheck: true,
        healthAssessment: true,
        substanceMisuse: false,
      });
      const recorded = storedJourneyEvents([registered, careStarted(), outcomes]);
      expect(formsThatApply(recorded, '2026-11-27').map((f) => f.slug)).not.toContain('health-outcomes');
      const withdrawn = storedJourneyEvents([
        ...recorded,
        dated('EntryRetracted', '2026-03-31', { retractedEventId: 'e3', reason: 'Wrong year' }),
      ]);
      expect(formsThatApply(withdrawn, '2026-11-27').map((f) => f.slug)).toContain('health-outcomes');
    });

    /** Born 2008-12-01, looked after from 14 to 16, left care in February 2025 (E8). */
    const careLeaver = (): JourneyEvent[] => [
      { ...registered, data: { ...registered.data, effectiveDate: '2023-02-01', dateOfBirth: '2008-12-01' } },
      dated('PeriodOfCareStarted', '2023-02-01', { legalStatus: 'C2', categoryOfNeed: 'N1', placement }),
      dated('PeriodOfCareEnded', '2025-02-01', { reason: 'E8' }),
    ];

    it('Given a care leaver, then a contact (OC3) is offered from three months before the 17th birthday, and not before', () => {
      expect(slugsFor(careLeaver(), '2025-08-31')).not.toContain('care-leaver-contact');
      expect(slugsFor(careLeaver(), '2025-09-01')).toContain('care-leaver-contact');
      expect(slugsFor(careLeaver(), '2026-11-27')).toContain('care-leaver-contact');
    });

    it('Given contacts recorded for the 17th and 18th birthdays, then none is offered until the 19th comes near', () => {
      const events = [
        ...careLeaver(),
        dated('CareLeaverContactRecorded', '2025-12-01', {
          inTouch: 'YES',
          activity: 'F2',
          accommodation: 'E1',
        }),
        dated('CareLeaverContactRecorded', '2026-12-01', {
          inTouch: 'YES',
          activity: 'F2',
          accommodation: 'E1',
        }),
      ];
      expect(slugsFor(events, '2026-12-01')).not.toContain('care-leaver-contact');
      expect(slugsFor(events, '2027-09-01')).toContain('care-leaver-contact');
    });

    it('Given a child adopted, or never looked after after 14, then no care leaver contact is offered', () => {
      const [child, started] = careLeaver();
      const adopted = [child, started, dated('PeriodOfCareEnded', '2025-02-01', { reason: 'E11' })];
      expect(slugsFor(adopted, '2026-11-27')).not.toContain('care-leaver-contact');
      const young = [
        { ...registered, data: { ...registered.data, dateOfBirth: '2008-12-01' } },
        careStarted(),
        dated('PeriodOfCareEnded', '2024-06-01', { reason: 'E8' }),
      ];
      // Looked after 10 May to 1 June 2024: short of the 13 weeks since turning 14 (903 rule 1001).
      expect(slugsFor(young, '2026-11-27')).not.toContain('care-leaver-contact');
    });

    it('Given any journey, then the corrections are never in the list: they are opened from an entry', () => {
      const slugs = slugsFor(careLeaver(), '2026-11-27');
      expect(slugs).not.toContain('amend');
      expect(slugs).not.toContain('withdraw');
    });
  });
});
