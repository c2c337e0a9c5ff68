import type { Role } from '@care-journey/access';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { page } from './layout';

const userWith = (role: Role): AuthenticatedUser => ({ id: 'u', name: 'U', role }) as AuthenticatedUser;

/** The phase banner's text on a page rendered for the user. */
const bannerOn = (user: AuthenticatedUser | undefined): string => {
  const rendered = page({ title: 'Any page', content: '', user }).toString();
  const text = /<span class="govuk-phase-banner__text">([^<]*)<\/span>/.exec(rendered)?.[1];
  if (text === undefined) throw new Error('no phase banner');
  return text;
};

describe('the phase banner speaks to the person reading', () => {
  it('Given a social worker, When any page is shown, Then the banner speaks of recording their children’s journeys, not of the panel', () => {
    const banner = bannerOn(userWith('social_worker'));
    expect(banner).toContain('recording your children’s care journeys');
    expect(banner).not.toContain('permanency panel');
  });

  it('Given a panel member, When any page is shown, Then the banner still names the permanency panel', () =>
    expect(bannerOn(userWith('panel_member'))).toContain('A new service for the permanency panel.'));

  it('Given an auditor, When any page is shown, Then the banner speaks of replaying and verifying journeys', () => {
    const banner = bannerOn(userWith('auditor'));
    expect(banner).toContain('replay any child’s journey');
    expect(banner).not.toContain('permanency panel');
  });

  it.each(['reporting_job', 'admin'] as const)(
    'Given the role %s, When any page is shown, Then the banner does not address the panel',
    (role) => expect(bannerOn(userWith(role))).not.toContain('permanency panel'),
  );

  it('Given nobody signed in, When the sign-in page is shown, Then the banner names the service for anyone', () =>
    expect(bannerOn(undefined)).toBe(
      'A new service for recording looked-after children’s care journeys. Check anything you act on against the case record.',
    ));

  it.each(['social_worker', 'panel_member', 'auditor', 'reporting_job', 'admin'] as const)(
    'Given the role %s, When any page is shown, Then the banner keeps the caveat that the case record is the record',
    (role) =>
      expect(bannerOn(userWith(role))).toMatch(/Check anything you act on against the case record\.$/),
  );
});
