import { judgedWith, type AuthorityDriftAsKnown } from '@care-journey/audit';
import {
  DEFAULT_DRIFT_CONFIG,
  DRIFT_RULES,
  driftConfig,
  driftReport,
  type DriftConfig,
  type JourneySummary,
} from '@care-journey/projections';
import { journey } from '../../../../../libs/projections/src/testing/journey-builder';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { rulesNotChecked } from '../drift/rule-meanings';
import { asKnownDriftPage, type AsKnownDriftPageModel } from './as-known-drift.page';
import { parseAsKnownDriftQuery } from './as-known-drift.query';

const auditor: AuthenticatedUser = { id: 'ann', name: 'Ann Auditor', role: 'auditor' };

/**
 * The page for a replay of these summaries as at 5 July 2025, as known at the end of that day, judged
 * with `config`; `model` adds the rest (workerName, notChecked…). Three events a child, all known.
 */
function asKnownPageFor(
  summaries: readonly JourneySummary[],
  config: DriftConfig,
  model: Partial<AsKnownDriftPageModel> = {},
): string {
  const query = parseAsKnownDriftQuery({ asAt: '2025-07-05' }, '2026-11-27');
  const events = 3 * summaries.length;
  const report: AuthorityDriftAsKnown = {
    ...driftReport(summaries, '2025-07-05', config),
    knownAt: query.point.knownAt,
    head: String(events),
    eventsRead: events,
    eventsKnown: events,
    childrenKnown: summaries.length,
    judgedWith: judgedWith(config),
  };
  const rows = { items: report.children, page: 1, pages: 1, total: report.children.length, first: 1 };
  return asKnownDriftPage({ user: auditor, csrfToken: 'csrf', query, report, rows, ...model }).value;
}

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

describe("the auditor's drift report as known at a time: who the social worker was", () => {
  // In care from 2 June 2025 with no review: DR01 overdue on 5 July, each child allocated at registration.
  const summaries = [
    journey('a').registered('2015-01-01', { socialWorker: 'sw.demo' }).startCare('2025-06-02').summary(),
    journey('b').registered('2015-01-01', { socialWorker: 'sw-009' }).startCare('2025-06-02').summary(),
  ];
  const pageWith = (workerName?: (username: string) => string | undefined): string =>
    asKnownPageFor(summaries, DEFAULT_DRIFT_CONFIG, { workerName });
  const workerCell = (page: string, childId: string): string =>
    new RegExp(`data-child="${childId}">(?:[^]*?<td class="govuk-table__cell">){3}([^<]*)</td>`).exec(
      page,
    )?.[1] ?? 'no row';

  it('Given children allocated (as known then) to sw.demo and to a username the users file does not have, When the page shows them, Then the first reads "Sam Worker (demo) (sw.demo)" as on the live page, the second its username alone', () => {
    const page = pageWith((username) => (username === 'sw.demo' ? 'Sam Worker (demo)' : undefined));
    expect(workerCell(page, 'a')).toBe('Sam Worker (demo) (sw.demo)');
    expect(workerCell(page, 'b')).toBe('sw-009');
  });

  it("Then the page says the names are today's display names, the allocation the one recorded by then", () => {
    const page = pageWith(() => 'Sam Worker (demo)');
    const note = /<p class="govuk-body" id="as-known-worker-names">([^<]*)<\/p>/.exec(page)?.[1] ?? '';
    expect(note).toContain('allocated in what was recorded by then');
    expect(note).toContain('the one the users file gives today');
  });

  it('Given no users directory, Then the usernames are shown alone', () => {
    expect(workerCell(pageWith(), 'a')).toBe('sw.demo');
  });
});

describe("the auditor's drift report as known at a time: the rules that do not run (review s16-ofsted F6)", () => {
  const summaries = [journey('a').registered('2015-01-01').startCare('2025-06-02').summary()];
  const pageWith = (config: DriftConfig): string =>
    asKnownPageFor(summaries, config, { notChecked: rulesNotChecked(config) });
  const notCheckedLine = (page: string): string =>
    (/<p class="govuk-body" id="not-checked">([^]*?)<\/p>/.exec(page)?.[1] ?? 'no line').replace(
      /<[^>]+>/g,
      '',
    );

  it('Given the default settings (DR14 off until the authority sets recordedFrom), When a replay is shown, Then under the headline it says DR14 is not checked, in the live report’s words', () => {
    const page = pageWith(DEFAULT_DRIFT_CONFIG);
    expect(notCheckedLine(page)).toBe(
      'Not checked: DR14 Statutory visit due (not yet switched on: the authority has not set the day it starts recording visits). No flag for these is not a sign of compliance.',
    );
    expect(page.indexOf('id="not-checked"')).toBeGreaterThan(page.indexOf('id="as-known-summary"'));
    expect(page.indexOf('id="not-checked"')).toBeLessThan(page.indexOf('id="as-known-by-rule"'));
  });

  it('Given no DR11 route with a limit as well, Then both are named, DR14 first', () => {
    const months = {
      return_home: null,
      special_guardianship: null,
      long_term_fostering: null,
      adoption: null,
      child_arrangements_order: null,
    };
    expect(notCheckedLine(pageWith(driftConfig({ DR11: { months } })))).toContain(
      'DR14 Statutory visit due (not yet switched on: the authority has not set the day it starts recording visits); DR11 ',
    );
  });

  it('Given DR14 switched on, When a replay is shown, Then nothing is said', () => {
    expect(pageWith(driftConfig({ DR14: { recordedFrom: '2025-01-01' } }))).not.toContain('id="not-checked"');
  });
});
