import { accessibilityStatementPage, AUTOMATED_CHECKER } from './accessibility-statement.page';

const text = (issues: Parameters<typeof accessibilityStatementPage>[0]) =>
  accessibilityStatementPage(issues).value.replace(/\s+/g, ' ');

describe('accessibility statement: compliance follows the known failures', () => {
  it('Given a known WCAG failure, When the statement is shown, Then it lists it and says partially compliant, naming the criterion', () => {
    const page = text([
      { text: 'The widget has no name.', criterion: 'WCAG 2.2 success criterion 4.1.2 (Name, role, value)' },
    ]);
    expect(page).toContain(
      '<ul class="govuk-list govuk-list--bullet" id="known-issues"><li>The widget has no name.</li></ul>',
    );
    expect(page).toContain('This service is partially compliant with the');
    expect(page).toContain(
      'The widget has no name. This fails WCAG 2.2 success criterion 4.1.2 (Name, role, value).',
    );
  });

  it('Given no known failure, When the statement is shown, Then it says so, and partially compliant because screen readers and high contrast are untested', () => {
    const page = text([]);
    expect(page).not.toContain('id="known-issues"');
    expect(page).toContain('We know of no part of this service that is not accessible.');
    expect(page).not.toContain('fully compliant');
    expect(page).toContain('we know of no failure, but it has not yet been tested with screen readers');
    expect(page).toContain(
      'We have not yet tested with screen readers (JAWS, NVDA, VoiceOver) or Windows high contrast mode.',
    );
  });
});

describe('accessibility statement: what is checked automatically, and what is not', () => {
  it('Given the browser tests run axe-core on every page, When the statement is shown, Then it names the installed version, the WCAG levels and the roles, and says screen readers are untested', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const installed = (require('axe-core/package.json') as { version: string }).version;
    expect(AUTOMATED_CHECKER).toBe(`axe-core ${installed.split('.').slice(0, 2).join('.')}`);
    const page = text([]);
    expect(page).toContain(
      `the automated checker ${AUTOMATED_CHECKER} checks every page in a real web browser (Chromium) against its rules for WCAG 2.0, 2.1 and 2.2 at levels A and AA`,
    );
    expect(page).toContain('(social worker, panel member, auditor, administrator, reporting job)');
    expect(page).toContain('An automated checker finds only some kinds of failure.');
    expect(page).toContain('No person using a screen reader has tried the service yet');
  });
});
