import { judgedWith, type AuthorityDriftAsKnown } from '@care-journey/audit';
import { DEFAULT_DRIFT_CONFIG, DRIFT_RULES } from '@care-journey/projections';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { asKnownDriftPage } from './as-known-drift.page';
import { parseAsKnownDriftQuery } from './as-known-drift.query';

const auditor: AuthenticatedUser = { id: 'ann', name: 'Ann Auditor', role: 'auditor' };

describe("the auditor's drift report as known at a time: which rules judged it", () => {
  it("Given a replay, When the page shows it, Then it says the rules are this version's and the thresholds today's, not those in force at the time", () => {
    const query = parseAsKnownDriftQuery({ asAt: '2025-03-31', knownAt: '2025-04-30' }, '2026-11-27');
    const report: AuthorityDriftAsKnown = {
      asAt: '2025-03-31',
      dueWithinDays: 28,
      openFlags: 0,
      dueSoon: 0,
      byRule: [],
      children: [],
      knownAt: query.point.knownAt,
      head: '10',
      eventsRead: 10,
      eventsKnown: 8,
      childrenKnown: 1,
      judgedWith: judgedWith(DEFAULT_DRIFT_CONFIG),
    };
    const page = asKnownDriftPage({
      user: auditor,
      csrfToken: 'csrf',
      query,
      report,
      rows: { items: [], page: 1, pages: 1, total: 0, first: 0 },
    }).value;
    const last = DRIFT_RULES[DRIFT_RULES.length - 1].id;
    expect(page).toContain('id="as-known-rules"');
    expect(page).toContain(
      `the drift rules of this version of Care Journey (DR01–${last}) and the thresholds configured now`,
    );
    expect(page).toContain('not necessarily those in force on');
  });
});
