import { apiClient } from '../support/http-client';
import { registerBody } from '../support/journey-bodies';
import { tokenFor } from '../support/tokens';
import { useBrowserApp } from './support/browser-app';
import { describeInBrowser, screenshot } from './support/chromium';
import { fillRegisterForm } from './support/register-form';
import { signIn } from './support/sign-in';
import { startTeamScopedApp } from './support/team-scoped-app';

jest.setTimeout(120_000);

/** Frontline review F12 (a): the same child registered again is noticed on the form, before anything is sent. */
describeInBrowser('register a child: the possible-duplicate step (real browser)', () => {
  const app = useBrowserApp(startTeamScopedApp);

  it('Given Leo Weekday born 10 May 2021 in my team and a match in another team, When I register him again, Then I see mine with Open that child, only a count of the other, and Register anyway registers', async () => {
    const api = apiClient(app.baseUrl);
    const leo = { name: 'Leo Weekday', dateOfBirth: '2021-05-10', upn: 'UN2' };
    const mine = await api.post<{ childId: string }>(
      '/children',
      registerBody({ ...leo, childRef: 'DUPB-1', socialWorker: 'sw.demo' }),
      { token: tokenFor('social_worker', 'sw.demo') },
    );
    const theirs = await api.post<{ globalPosition: string }>(
      '/children',
      registerBody({
        ...leo,
        childRef: 'DUPB-OUT',
        team: 'Children in Care South',
        socialWorker: 'sw.other.demo',
      }),
      { token: tokenFor('social_worker', 'sw.other.demo') },
    );
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    await api.get(`/children?q=weekday&minPosition=${theirs.body.globalPosition}`, {
      token: tokenFor('admin'),
    });

    const page = await app.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, app.baseUrl, 'sw.demo', '/panel/children/new');
    await fillRegisterForm(page, {
      childRef: 'DUPB-2',
      name: 'leo weekday',
      dateOfBirth: '2021-05-10',
      sex: 'Male',
      upn: 'UN2',
      knownSince: '2024-03-01',
    });
    await page.getByRole('button', { name: 'Register the child' }).click();
    await page.waitForSelector('#possible-duplicate');

    await expect(page.locator('#possible-duplicates').textContent()).resolves.toContain(
      'DUPB-1 Leo Weekday, born 10 May 2021, Children in Care North',
    );
    await expect(page.getByRole('link', { name: 'Open that child' }).getAttribute('href')).resolves.toBe(
      `/panel/children/${mine.body.childId}`,
    );
    await expect(page.locator('#duplicates-elsewhere').textContent()).resolves.toContain(
      'A possible match is registered outside your teams',
    );
    expect(await page.content()).not.toContain('DUPB-OUT');
    // Answers kept, and no registration written (only the read-access trail of the matches shown).
    await expect(page.getByLabel('903 child reference').inputValue()).resolves.toBe('DUPB-2');
    const registrations: unknown[] = [];
    for await (const event of app.t.store.readAll())
      if (event.type === 'ChildRegistered') registrations.push((event.data as { childRef: string }).childRef);
    expect(registrations.sort()).toEqual(['DUPB-1', 'DUPB-OUT']);
    await screenshot(page, 'register-possible-duplicate');

    await Promise.all([
      page.waitForURL(/\/panel\/children\/[^/]+\?recorded=register/),
      page.getByRole('button', { name: 'Register anyway' }).click(),
    ]);
    await expect(page.locator('.govuk-notification-banner').textContent()).resolves.toContain(
      'Child registered',
    );
    await expect(page.locator('h1').textContent()).resolves.toContain('leo weekday');
  });
});
