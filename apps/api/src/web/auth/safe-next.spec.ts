import { DEFAULT_NEXT, safeNext } from './safe-next';

describe('safeNext: sign-in returns only to our own pages', () => {
  it('Given a panel page (with its query), Then it is followed', () => {
    expect(safeNext('/panel/children/c-1/record/plan')).toBe('/panel/children/c-1/record/plan');
    expect(safeNext('/panel/children/c-1/record/amend?entry=e-1')).toBe(
      '/panel/children/c-1/record/amend?entry=e-1',
    );
  });

  it('Given another site, a path off the panel or not a string, Then the drift report', () => {
    for (const next of [
      'https://evil.example/panel',
      '//evil.example/panel',
      '/login',
      '/panelx',
      '/panel/<x>',
      3,
      undefined,
    ])
      expect(safeNext(next)).toBe(DEFAULT_NEXT);
  });
});
