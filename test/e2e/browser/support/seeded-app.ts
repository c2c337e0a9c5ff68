import { seedStore } from '@care-journey/reporting';
import { startTestApp, type TestApp } from '../../support/test-app';

/** The real app on a temp SQLite file, with a synthetic authority recorded in it. */
export async function startSeededApp(children: number): Promise<TestApp> {
  const testApp = await startTestApp();
  await seedStore(testApp.store, { children, seed: 'browser-tests' });
  return testApp;
}
