import type { StoredJourneyEvent } from '@care-journey/journey';
import { DEFAULT_DRIFT_CONFIG } from '@care-journey/projections';
import type { Role } from '@care-journey/access';
import { childJourney, parseReplayForm } from './child-journey';
import { childPageFor } from './testing/child-page-for';

const CHILD = '0b1d2e3f-0000-5000-8000-000000000002';
const TODAY = '2026-11-28';
const recorded = (id: string, at: string, by: string, type: string, data: Record<string, unknown>) =>
  ({
    id,
    recordedAt: at,
    recordedBy: by,
    type,
    data: { childId: CHILD, ...data },
  }) as unknown as StoredJourneyEvent;

// CJW002-like: C1 since 2026-07-01, a C2 recorded for 24 November, then withdrawn on 28 November.
const REASON = 'Entered in error: the court made the placement order at the same hearing';
const events: StoredJourneyEvent[] = [
  recorded('r1', '2026-07-01T09:00:00.000Z', 'sw.demo', 'ChildRegistered', {
    effectiveDate: '2026-07-01',
    childRef: 'CJW002',
    name: 'Bea Weekday',
    dateOfBirth: '2020-02-01',
    sex: '2',
    ethnicity: 'WBRI',
    upn: 'UN1',
    team: 'Children in Care North',
    socialWorker: 'sw.demo',
  }),
  recorded('p1', '2026-07-01T09:05:00.000Z', 'sw.demo', 'PeriodOfCareStarted', {
    effectiveDate: '2026-07-01',
    legalStatus: 'C1',
    categoryOfNeed: 'N1',
    placement: { placementType: 'U6', provider: 'PR1' },
  }),
  recorded('l1', '2026-11-24T10:00:00.000Z', 'sw.demo', 'LegalStatusChanged', {
    effectiveDate: '2026-11-24',
    legalStatus: 'C2',
  }),
  recorded('w1', '2026-11-28T11:00:00.000Z', 'tm.demo', 'EntryRetracted', {
    effectiveDate: '2026-11-24',
    retractedEventId: 'l1',
    reason: REASON,
  }),
];

const render = (role: Role, query: Record<string, string> = {}): string =>
  childPageFor({ childId: CHILD, events, role, today: TODAY, query });

const withdrawnList = (page: string): string =>
  /<ul class="govuk-list" id="withdrawn-list">(.*?)<\/ul>/s.exec(page)?.[1] ?? '';

describe('withdrawn entries stay visible on the child page', () => {
  it('Given a legal status entry withdrawn, When a social worker reads the page, Then it is listed as withdrawn with when, by whom and why', () => {
    const list = withdrawnList(render('social_worker'));
    expect(list).toContain('Withdrawn</strong>');
    expect(list).toContain('Legal status changed, 24 November 2026');
    expect(list).toContain(`withdrawn 28 November 2026 by tm.demo: ${REASON}`);
  });

  it('Given the same withdrawal, When a panel member reads the page, Then it is listed without the reason', () => {
    const page = render('panel_member');
    expect(withdrawnList(page)).toContain('withdrawn 28 November 2026 by tm.demo');
    expect(page).not.toContain('Entered in error');
  });

  it('Given the same withdrawal, When a reporting job reads the page, Then it is listed without the reason', () => {
    const page = render('reporting_job');
    expect(withdrawnList(page)).toContain('Legal status changed, 24 November 2026');
    expect(page).not.toContain('Entered in error');
  });

  it.each(['panel_member', 'reporting_job'] as const)(
    'Given a registration withdrawn in error, When a %s reads the page, Then it says registered in error, without the reason',
    (role) => {
      const duplicate = [
        events[0],
        recorded('x1', '2026-11-28T12:00:00.000Z', 'admin.demo', 'RegistrationRetracted', {
          effectiveDate: '2026-07-01',
          retractedEventId: 'r1',
          reason: 'Registered twice: the same child as CJW001',
        }),
      ];
      const page = childPageFor({ childId: CHILD, events: duplicate, role, today: TODAY });
      expect(page).toContain('id="registration-withdrawn"');
      expect(withdrawnList(page)).toContain('withdrawn 28 November 2026 by admin.demo');
      expect(page).not.toContain('Registered twice');
    },
  );

  it('Given a replay as known before the withdrawal, When shown, Then the entry is in the journey and not listed as withdrawn', () => {
    const page = render('social_worker', { knownAt: '2026-11-27' });
    expect(page).not.toContain('id="withdrawn-list"');
    expect(page).toContain('id="entry-l1"');
  });

  it('Given no withdrawal, When shown, Then there is no withdrawn list', () => {
    const form = parseReplayForm({});
    const journey = childJourney(CHILD, events.slice(0, 3), form.point, TODAY, DEFAULT_DRIFT_CONFIG);
    expect(journey.withdrawn).toEqual([]);
  });
});
