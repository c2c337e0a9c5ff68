import { seedStore, type AuthorityOptions } from '@care-journey/reporting';
import { JourneyQueries } from '../../../../apps/api/src/projections/journey-queries';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * The real app on a temp SQLite file, with a synthetic authority recorded in it, once the inline
 * projector has caught up (the pages read the read models only). `options`: more of the synthetic
 * authority's settings (e.g. `socialWorkerOfTeam`, to allocate teams to users the users file names).
 */
export async function startSeededApp(
  children: number,
  options: Partial<AuthorityOptions> = {},
): Promise<TestApp> {
  const testApp = await startTestApp();
  await seedStore(testApp.store, { children, seed: 'browser-tests', ...options });
  const head = await testApp.store.headPosition();
  const queries = testApp.app.get(JourneyQueries);
  for (let tries = 0; head !== undefined; tries++) {
    try {
      await queries.waitFor(head.toString());
      break;
    } catch (error) {
      if (tries >= 10) throw error;
    }
  }
  return testApp;
}
