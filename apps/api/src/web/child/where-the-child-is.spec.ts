import type { StoredJourneyEvent } from '@care-journey/journey';
import type { Role } from '@care-journey/access';
import { childPageFor } from './testing/child-page-for';

const CHILD = '0b1d2e3f-0000-5000-8000-000000000003';
const TODAY = '2026-11-28';
const recorded = (id: string, type: string, data: Record<string, unknown>) =>
  ({
    id,
    recordedAt: `${String(data.effectiveDate)}T09:00:00.000Z`,
    recordedBy: 'sw.demo',
    type,
    data: { childId: CHILD, ...data },
  }) as unknown as StoredJourneyEvent;

// CJW003-like: long-term fostering (U4) with a private provider since 2025.
const fostered: StoredJourneyEvent[] = [
  recorded('r1', 'ChildRegistered', {
    effectiveDate: '2025-03-01',
    childRef: 'CJW003',
    name: 'Ada Weekday',
    dateOfBirth: '2015-06-01',
    sex: '2',
    ethnicity: 'WBRI',
    upn: 'UN1',
    team: 'Children in Care North',
    socialWorker: 'sw.demo',
  }),
  recorded('p1', 'PeriodOfCareStarted', {
    effectiveDate: '2025-03-01',
    legalStatus: 'C2',
    categoryOfNeed: 'N1',
    placement: { placementType: 'U4', provider: 'PR4', postcode: 'LS1 4AB', urn: 'SC123456' },
  }),
];
const onRespite = [
  ...fostered,
  recorded('t1', 'TemporaryPlacementStarted', { effectiveDate: '2026-11-28', placementType: 'T3' }),
];
const missing = [
  ...fostered,
  recorded('m1', 'MissingEpisodeStarted', { effectiveDate: '2026-11-28', kind: 'M' }),
];

const render = (events: StoredJourneyEvent[], role: Role, query: Record<string, string> = {}): string =>
  childPageFor({ childId: CHILD, events, role, today: TODAY, query });

describe('the child page summary says where the child is now', () => {
  it('Given a child reported missing today, When the worker opens the page, Then the summary says missing since when', () => {
    const page = render(missing, 'social_worker');
    expect(page).toContain('Missing or away now');
    expect(page).toContain('Since 28 November 2026 (M Missing)');
  });

  it('Given the missing episode ended, When the page is shown, Then no missing row is left', () => {
    const back = [...missing, recorded('m2', 'MissingEpisodeEnded', { effectiveDate: '2026-11-28' })];
    expect(render(back, 'social_worker')).not.toContain('Missing or away now');
    expect(render(missing, 'social_worker', { asAt: '2026-11-27' })).not.toContain('Missing or away now');
  });

  it('Given a T3 respite stay begun today, When the page is shown, Then it says staying now and that the usual placement is kept', () => {
    const page = render(onRespite, 'social_worker');
    expect(page).toMatch(
      /Staying now<\/dt><dd[^>]*>T3 [^<]* since 28 November 2026; usual placement U4 [^<]* kept/,
    );
  });

  it('Given the temporary stay ended, When the page is shown, Then no staying-now row is left', () => {
    const home = [...onRespite, recorded('t2', 'TemporaryPlacementEnded', { effectiveDate: '2026-11-28' })];
    expect(render(home, 'social_worker')).not.toContain('Staying now');
  });

  it('Given a placement with postcode, provider and URN, When a social worker reads the page, Then all three are under Placement', () => {
    expect(render(fostered, 'social_worker')).toMatch(
      /id="placement-where">postcode LS1 4AB, provider PR4 [^<,]*, Ofsted URN SC123456</,
    );
  });

  it('Given the same placement, When a panel member reads the page, Then the postcode district and provider show but no URN', () => {
    const page = render(fostered, 'panel_member');
    expect(page).toMatch(/id="placement-where">postcode LS1, provider PR4 [^<,]*</);
    expect(page).not.toContain('SC123456');
    expect(page).not.toContain('LS1 4AB');
  });

  it('Given a change of placement to a new carer, When the page is shown, Then the new placement’s details are given', () => {
    const moved = [
      ...fostered,
      recorded('c1', 'PlacementChanged', {
        effectiveDate: '2026-11-25',
        placement: { placementType: 'U6', provider: 'PR1', postcode: 'LS6 2AA', urn: 'XXXXXXX' },
        reasonForChange: 'CREQB',
        sameCarer: false,
      }),
    ];
    const page = render(moved, 'social_worker');
    expect(page).toMatch(/id="placement-where">postcode LS6 2AA, provider PR1 [^<,]*</);
    expect(page).not.toContain('XXXXXXX');
  });
});
