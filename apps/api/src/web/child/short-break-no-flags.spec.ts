import { journey } from '../../../../../libs/projections/src/testing/journey-builder';
import { childPageFor } from './testing/child-page-for';

const noFlags = (legalStatus: string): string => {
  const b = journey('c').registered('2015-01-01').startCare('2026-01-10', legalStatus, 'U6');
  const page = childPageFor({ childId: 'c', events: b.events, role: 'panel_member', today: '2026-11-28' });
  const start = page.indexOf('id="no-flags"');
  return start < 0 ? '' : page.slice(page.indexOf('>', start) + 1, page.indexOf('</p>', start));
};

describe('the child page where no drift rule runs (review s16-ofsted F6)', () => {
  it('Given a child on short breaks (V4) since 10 January 2026 and no reviews, When the page is read on 28 November, Then it says the rules do not apply, not "No open flags"', () => {
    expect(noFlags('V4')).toBe(
      'Drift rules do not apply to short breaks (V3/V4): no flag is checked while the child is accommodated under V4, as at 28 November 2026.',
    );
  });

  it('Given a child under section 20 (V2) with nothing due, When the page is read, Then the usual words stand (the rules ran)', () => {
    const b = journey('c').registered('2015-01-01').startCare('2026-11-20', 'V2', 'U6').review('2026-11-20');
    const page = childPageFor({ childId: 'c', events: b.events, role: 'panel_member', today: '2026-11-21' });
    expect(page).toContain('No open flags or warnings as at 21 November 2026.');
    expect(page).not.toContain('do not apply to short breaks');
  });
});
