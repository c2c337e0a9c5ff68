import { newChild } from '../support/journey-setup';
import { startTestApp } from '../support/test-app';
import { tokenFor } from '../support/tokens';
import { useBrowserApp } from './support/browser-app';
import { describeInBrowser, screenshot } from './support/chromium';
import { signIn } from './support/sign-in';

jest.setTimeout(180_000);

/**
 * Review s10 panel F6 in a browser: the panel's drift report built from read models still behind the
 * log says so above its figures, and the auditor's replay as known at that read says what it held.
 * Nothing projects here (`projections: 'worker'`, no apps/projector), so the read models stay empty.
 */
describeInBrowser('the drift report while the read models catch up (real browser)', () => {
  const app = useBrowserApp(() => startTestApp({ config: { projections: 'worker' } }));

  it('a panel member sees the report is incomplete; the auditor, replaying that read, is told what it was built from', async () => {
    const childId = await newChild(app.api);
    const panel = await app.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(panel, app.baseUrl, 'panel.demo', '/panel/drift');

    const notice = panel.getByRole('alert').filter({ hasText: 'This report is incomplete' });
    await expect(notice.isVisible()).resolves.toBe(true);
    await expect(notice.textContent()).resolves.toMatch(
      /entr(y|ies) recorded in the log (is|are) not yet in it/,
    );
    await expect(panel.locator('#report-summary').textContent()).resolves.toContain('so far (incomplete)');
    await screenshot(panel, 'drift-catching-up-panel');

    // The panel's read, from the trail: its instant is the auditor's knownAt.
    const trail = await app.api.get<{
      entries: { readBy: string; readAt: string; route?: string; query?: Record<string, string> }[];
    }>('/audit/access-log?childId=*', { token: tokenFor('auditor', 'aud-browser') });
    const read = trail.body.entries
      .filter((e) => e.readBy === 'panel.demo' && e.query?.route === '/panel/drift')
      .at(-1);
    expect(read).toBeDefined();

    const auditor = await app.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(
      auditor,
      app.baseUrl,
      'auditor.demo',
      `/panel/audit/drift?knownAt=${encodeURIComponent(read!.readAt)}`,
    );
    const said = auditor.locator('#reads-at-known-at');
    await expect(said.isVisible()).resolves.toBe(true);
    await expect(said.textContent()).resolves.toMatch(
      /panel\.demo \(panel member\) read \/panel\/drift: that report was incomplete/,
    );
    // The replay itself has the child the panel's report did not.
    await expect(auditor.locator(`#as-known-table tr[data-child="${childId}"]`).count()).resolves.toBe(1);
    await screenshot(auditor, 'drift-catching-up-auditor');
  });
});
