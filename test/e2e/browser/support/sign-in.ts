import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../../apps/api/src/web/auth/user-directory';

/** Signs in through the login page as one of the development demo users. */
export async function signIn(
  page: Page,
  baseUrl: string,
  username: string,
  next = '/panel/drift',
): Promise<void> {
  await page.goto(`${baseUrl}/login?next=${encodeURIComponent(next)}`);
  await signInHere(page, username);
}

/**
 * Signs in on the login page the browser is at (e.g. where a signed-out visit was sent) as one of
 * the development demo users, and waits until the browser has left it.
 */
export async function signInHere(page: Page, username: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/login'),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
}
