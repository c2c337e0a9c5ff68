import type { Role } from '@care-journey/access';
import type { StoredJourneyEvent } from '@care-journey/journey';
import { childPageFor } from './testing/child-page-for';

const CHILD = 'dba751e8-21b0-52bb-9453-a593ab47ac23';
const TODAY = '2026-11-27';
const recorded = (id: string, at: string, event: Record<string, unknown>) =>
  ({ id, recordedAt: at, recordedBy: 'sw-1', ...event }) as unknown as StoredJourneyEvent;

// Registered on 5 January 2026 (known from that day), in care the same day; the name corrected later.
const events: StoredJourneyEvent[] = [
  recorded('r1', '2026-01-05T10:00:00.000Z', {
    type: 'ChildRegistered',
    data: {
      childId: CHILD,
      effectiveDate: '2026-01-05',
      childRef: 'RV9W01',
      name: 'Robin Vale',
      dateOfBirth: '2016-03-10',
      sex: '1',
      ethnicity: 'WBRI',
      upn: 'UN1',
    },
  }),
  recorded('p1', '2026-01-05T10:05:00.000Z', {
    type: 'PeriodOfCareStarted',
    data: {
      childId: CHILD,
      effectiveDate: '2026-01-05',
      legalStatus: 'C1',
      categoryOfNeed: 'N1',
      placement: { placementType: 'U6' },
    },
  }),
  recorded('a1', '2026-02-01T10:00:00.000Z', {
    type: 'EntryAmended',
    data: {
      childId: CHILD,
      effectiveDate: '2026-01-05',
      correctedEventId: 'r1',
      reason: 'Name mistyped',
      amendedData: { name: 'Robyn Vale' },
    },
  }),
];

const render = (query: Record<string, string>, role: Role = 'panel_member'): string =>
  childPageFor({ childId: CHILD, events, role, today: TODAY, query });

const h1 = (page: string) => /<h1 class="govuk-heading-l">([^<]*)<\/h1>/.exec(page)?.[1];

describe('a replay before the child was registered', () => {
  it('Given as at the day before the child became known, when shown, then the child is named from today’s record and the page says they were not yet known', () => {
    const page = render({ asAt: '2026-01-04' });
    expect(h1(page)).toBe('Robyn Vale');
    expect(page).toContain('RV9W01');
    expect(page).toContain('10 March 2016');
    expect(page).not.toContain('Not known');
    expect(page).toContain(
      'Not yet known to the authority on 4 January 2026: the child became known on 5 January 2026.',
    );
    expect(page).toContain("The name, reference and date of birth shown are from today's record.");
  });

  it('Given as known at a day before the registration was recorded, when shown, then it says the registration came later, in England time', () => {
    const page = render({ knownAt: '2025-07-01' });
    expect(h1(page)).toBe('Robyn Vale');
    expect(page).toContain(
      'Not yet registered as known at 1 July 2025 at 23:59:59 BST: the child&#39;s registration was recorded on 5 January 2026.',
    );
  });

  it('Given a role without personal data, when shown, then only the reference identifies the child', () => {
    const page = render({ asAt: '2026-01-04' }, 'reporting_job');
    expect(h1(page)).toBe('RV9W01');
    expect(page).not.toContain('Robyn');
    expect(page).not.toContain('Robin');
    expect(page).not.toContain('10 March 2016');
    expect(page).toContain('The reference shown is');
  });

  it('Given a replay on or after the registration, when shown, then there is no such notice', () => {
    const page = render({ asAt: '2026-01-05' });
    expect(h1(page)).toBe('Robyn Vale');
    expect(page).not.toContain('not-yet-registered');
  });
});

describe('a replay as at a date after today', () => {
  it('Given as at a date after today, when shown, then the flags are labelled a projection, as on the drift report', () => {
    const page = render({ asAt: '2027-06-01' });
    expect(page).toContain('id="projection-notice"');
    expect(page).toContain('This is a projection. 1 June 2027 is after today, 27 November 2026');
    expect(render({ asAt: TODAY })).not.toContain('projection-notice');
  });
});
