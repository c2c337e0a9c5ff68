import { seedStore } from '@care-journey/reporting';
import { JourneyQueries } from '../../../../apps/api/src/projections/journey-queries';
import { startTestApp, type TestApp } from '../../support/test-app';

/**
 * The real app on a temp SQLite file, with a synthetic authority recorded in it, once the inline
 * projector has caught up (the pages read the read models only).
 */
export async function startSeededApp(children: number): Promise<TestApp> {
  const testApp = await startTestApp();
  await seedStore(testApp.store, { children, seed: 'browser-tests' });
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
