import { driftConfig } from '@care-journey/projections';
import { journey } from '../../../../../libs/projections/src/testing/journey-builder';
import { driftPageFor } from './testing/drift-page-for';

const TODAY = '2025-07-05';
const summaries = [
  journey('a').registered('2015-01-01', { team: 'Children in Care North' }).startCare('2025-06-02'),
  journey('b').registered('2015-01-01', { team: 'Children in Care South' }).startCare('2025-06-02'),
].map((b) => b.summary());

/** The drift page for `params`, as the panel's GET form sends them. */
const pageFor = (params: Record<string, string>): string =>
  driftPageFor({
    summaries,
    today: TODAY,
    params,
    model: { workerName: (username) => (username === 'sw-1' ? 'Sam Worker' : undefined) },
  });

/** The team drop-down's options, and which is selected. */
function teamSelect(page: string): { options: string[]; selected: string[] } {
  const select = /<select[^>]* id="team"[^>]*>([^]*?)<\/select>/.exec(page)?.[1] ?? '';
  const options = [...select.matchAll(/<option value="([^"]*)"( selected)?>/g)];
  return {
    options: options.map((o) => o[1]),
    selected: options.filter((o) => o[2]).map((o) => o[1]),
  };
}

describe('the drift page’s team drop-down', () => {
  it('Given ?team= in another case and spacing, When the page is shown, Then the matching team is selected, not "All teams"', () => {
    const select = teamSelect(pageFor({ team: 'children in care  NORTH' }));
    expect(select.selected).toEqual(['Children in Care North']);
    expect(select.options).toEqual(['', 'Children in Care North', 'Children in Care South']);
  });

  it('Given the team spelt as offered, When the page is shown, Then that team is selected', () => {
    expect(teamSelect(pageFor({ team: 'Children in Care South' })).selected).toEqual([
      'Children in Care South',
    ]);
  });

  it('Given a team no child is allocated to, When the page is shown, Then it is offered as asked and selected (the report is filtered to it)', () => {
    const select = teamSelect(pageFor({ team: 'Leaving Care 16+' }));
    expect(select.selected).toEqual(['Leaving Care 16+']);
    expect(select.options).toEqual([
      '',
      'Children in Care North',
      'Children in Care South',
      'Leaving Care 16+',
    ]);
  });

  it('Given no team, When the page is shown, Then "All teams" is chosen', () => {
    expect(teamSelect(pageFor({})).selected).toEqual([]);
  });
});

describe('the drift page for a date before today (review s15-iro F5)', () => {
  it('Given asAt 1 July 2025 and today 5 July, When the page is shown, Then it says it is as recorded now, not as known then, before the figures and in the printed footer', () => {
    const page = pageFor({ asAt: '2025-07-01' });
    const notice =
      /<div class="govuk-inset-text" id="as-recorded-notice">([^<]*)<\/div>/.exec(page)?.[1] ?? '';
    expect(notice).toMatch(
      /^As recorded now, not as known then\. This report for 1 July 2025 counts everything recorded up to today, 5 July 2025/,
    );
    expect(notice).toMatch(
      /ask an auditor \(&quot;Drift as known at&quot;\)|ask an auditor \("Drift as known at"\)/,
    );
    expect(page.indexOf('id="as-recorded-notice"')).toBeLessThan(page.indexOf('id="report-summary"'));
    expect(page).toContain('Flags are as at 1 July 2025, from what was recorded by 5 July 2025');
  });

  it('Given today, When the page is shown, Then no such notice', () => {
    expect(pageFor({})).not.toContain('as-recorded-notice');
  });
});

describe('the drift page names the social worker (review s15-iro F6)', () => {
  it('Given the users file names sw-1 "Sam Worker", When the page is shown, Then the table and the filter say "Sam Worker (sw-1)", not the username alone', () => {
    const page = pageFor({});
    expect(page).toContain('<td class="govuk-table__cell">Sam Worker (sw-1)</td>');
    expect(page).toMatch(/<option value="sw-1"[^>]*>Sam Worker \(sw-1\)<\/option>/);
  });
});

describe("the drift page marks a due date on a council's extra bank holiday", () => {
  // First review 16 June 2025: the second (DR02, 3 months) is due Tuesday 16 September, a working day in England.
  const reviewed = [
    journey('c').registered('2015-01-01').startCare('2025-06-02').review('2025-06-16').summary(),
  ];
  const dueSoonLine = (extraBankHolidays: string[]): string => {
    const page = driftPageFor({
      summaries: reviewed,
      today: '2025-09-01',
      config: driftConfig({ extraBankHolidays }),
    });
    return /<li class="cj-flag cj-flag--soon">[^]*?<\/li>/.exec(page)?.[0] ?? 'no due-soon line';
  };

  it('Given the council closes on 16 September 2025 (extraBankHolidays), When the second review is due that day, Then the warning says it is a bank holiday; without the setting it says nothing', () => {
    expect(dueSoonLine(['2025-09-16'])).toContain('DR02');
    expect(dueSoonLine(['2025-09-16'])).toContain(', due 16 September 2025 (a bank holiday)');
    expect(dueSoonLine([])).toContain(', due 16 September 2025</span>');
  });
});
