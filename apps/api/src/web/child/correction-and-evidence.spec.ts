import type { Role } from '@care-journey/access';
import type { StoredJourneyEvent } from '@care-journey/journey';
import { DEFAULT_DRIFT_CONFIG } from '@care-journey/projections';
import { childJourney } from './child-journey';
import { journeyWithoutPersonalData } from './journey-without-personal-data';
import { childPageFor } from './testing/child-page-for';

const CHILD = '35e88ce0-8aec-52e9-8d15-03da5af3bd19';
const TODAY = '2026-11-28';
const recorded = (id: string, at: string, type: string, data: Record<string, unknown>) =>
  ({
    id,
    recordedAt: at,
    recordedBy: 'sw-015',
    type,
    data: { childId: CHILD, ...data },
  }) as unknown as StoredJourneyEvent;

// In care from Wed 19 August 2026: DR01 due 17 September. The review was recorded on 27 November,
// dated 20 October, then amended to 22 October ("Date of review typed wrongly").
const complaint: StoredJourneyEvent[] = [
  recorded('r1', '2026-08-19T09:00:00.000Z', 'ChildRegistered', {
    effectiveDate: '2026-08-19',
    childRef: 'C100031',
    name: 'Olivia Turner',
    dateOfBirth: '2014-03-02',
    sex: '2',
    ethnicity: 'WBRI',
    upn: 'UN1',
  }),
  recorded('p1', '2026-08-19T09:05:00.000Z', 'PeriodOfCareStarted', {
    effectiveDate: '2026-08-19',
    legalStatus: 'V2',
    categoryOfNeed: 'N1',
    placement: { placementType: 'U6' },
  }),
  recorded('v1', '2026-11-27T23:23:01.000Z', 'StatutoryReviewHeld', {
    effectiveDate: '2026-10-20',
    participation: 'PN1',
  }),
  recorded('a1', '2026-11-27T23:23:08.000Z', 'EntryAmended', {
    effectiveDate: '2026-10-22',
    correctedEventId: 'v1',
    reason: 'Date of review typed wrongly',
    amendedData: { effectiveDate: '2026-10-22' },
  }),
];

// Born 10 May 2008, in a residential placement under a care order since 2020: turns 16 in care.
const teenager: StoredJourneyEvent[] = [
  recorded('t1', '2020-01-01T09:00:00.000Z', 'ChildRegistered', {
    effectiveDate: '2020-01-01',
    childRef: 'C200001',
    name: 'Sam Teen',
    dateOfBirth: '2008-05-10',
    sex: '1',
    ethnicity: 'WBRI',
    upn: 'UN2',
  }),
  recorded('t2', '2020-01-01T09:05:00.000Z', 'PeriodOfCareStarted', {
    effectiveDate: '2020-01-01',
    legalStatus: 'C2',
    categoryOfNeed: 'N1',
    placement: { placementType: 'K2' },
  }),
];

const render = (
  events: StoredJourneyEvent[],
  query: Record<string, string>,
  role: Role = 'auditor',
): string => childPageFor({ childId: CHILD, events, role, today: TODAY, query });

describe('the auditor’s child page: what a correction changed, and a closing entry recorded late', () => {
  it('Given a review whose date was corrected, When the auditor reads the page, Then the correction says from what to what', () => {
    const page = render(complaint, {});
    expect(page).toContain('Date of review typed wrongly (date 20 October 2026 → 22 October 2026)');
  });

  it('Given a role without personal data, When the page is shown, Then the dates changed stay and other values are withheld', () => {
    const renamed = [
      ...complaint,
      recorded('a2', '2026-11-28T08:00:00.000Z', 'EntryAmended', {
        effectiveDate: '2026-08-19',
        correctedEventId: 'r1',
        reason: 'Name mistyped',
        amendedData: { name: 'Olivia Turnor' },
      }),
    ];
    const journey = journeyWithoutPersonalData(childJourney(CHILD, renamed, {}, TODAY, DEFAULT_DRIFT_CONFIG));
    expect(journey.corrections.get('r1')?.[0].changes).toEqual([
      { path: 'name', from: '[withheld]', to: '[withheld]' },
    ]);
    expect(render(complaint, {}, 'reporting_job')).toContain('(date 20 October 2026 → 22 October 2026)');
  });

  it('Given a late review recorded 27 November that closes DR01 on 22 October, When the closed flag is shown, Then it says when its closing entry was recorded', () => {
    const page = render(complaint, {});
    expect(page).toMatch(
      /DR01 First review overdue: open 18 September 2026 to 22 October 2026,[^<]*closing entry recorded 27 November 2026/,
    );
  });

  it('Given a closing entry recorded on the day it closes the flag, When shown, Then nothing more is said', () => {
    const onTime = complaint.slice(0, 2).concat(
      recorded('v2', '2026-10-22T15:00:00.000Z', 'StatutoryReviewHeld', {
        effectiveDate: '2026-10-22',
        participation: 'PN1',
      }),
    );
    expect(render(onTime, {})).not.toContain('closing entry recorded');
  });

  it('Given a DR10 clock started by the 16th birthday, When the flag is shown, Then its evidence says "Turned 16 on" the birthday', () => {
    const page = render(teenager, { asAt: '2024-11-20' });
    expect(page).toContain('Turned 16 on 10 May 2024 (date of birth 10 May 2008)');
  });

  it('Given a role without personal data, When the same flag is shown, Then it gives no date of birth', () => {
    const page = render(teenager, { asAt: '2024-11-20' }, 'reporting_job');
    expect(page).toContain('Turned 16 (date of birth)');
    expect(page).not.toContain('10 May 2008');
  });
});
